using System.ComponentModel.DataAnnotations;

namespace Ajanvaraus.Api.Hosting;

// The one range of dates and instants a caller may send, on every endpoint. Year 1 and year 9999 are valid JSON but
// nothing here can work with them: a day's start in Finnish time, a week ahead or a calendar entry falls outside
// DateTimeOffset and the answer was a 500 (issue 22) — sometimes after the row was written. The range is wide enough
// for any real booking, statistic or price period and leaves every such step far from the edges.
public static class DateBounds
{
    public static readonly DateOnly First = new(2000, 1, 1);
    public static readonly DateOnly Last = new(2100, 12, 31);

    public const string Message = "Give a date from 2000-01-01 to 2100-12-31.";

    public static bool Contains(DateOnly day) => day >= First && day <= Last;

    // An instant is judged by the date it is written with (its own offset), as the caller reads it.
    public static bool Contains(DateTimeOffset instant) => Contains(DateOnly.FromDateTime(instant.DateTime));
}

// On a request record's or query's DateOnly / DateTimeOffset: 400 naming the field when outside DateBounds, before the
// handler runs (so before any write).
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter | AttributeTargets.Field)]
public sealed class DateInRangeAttribute() : ValidationAttribute(DateBounds.Message)
{
    public override bool IsValid(object? value) => value switch
    {
        DateOnly day => DateBounds.Contains(day),
        DateTimeOffset instant => DateBounds.Contains(instant),
        DateTime time => DateBounds.Contains(DateOnly.FromDateTime(time)),
        _ => true,
    };
}
