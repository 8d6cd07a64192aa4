using Ical.Net.DataTypes;

namespace Ajanvaraus.Api.Availability;

// Local time of day in an IANA zone, through Ical.Net's time-zone database (the same one that expands the rules), so
// conversions do not depend on the host's tzdata.
internal static class LocalTime
{
    // The zone of remote rules, of the horizon's days and of "today".
    public const string Helsinki = "Europe/Helsinki";

    // The instant of a local date and time. A time that does not exist (spring forward) moves forward by the gap; a
    // time that happens twice (fall back) is the earlier one.
    public static DateTimeOffset ToUtc(DateOnly day, TimeOnly time, string timeZone) =>
        new(DateTime.SpecifyKind(new CalDateTime(day, time, timeZone).AsUtc, DateTimeKind.Utc));

    // The instant shown with the zone's offset at that instant (e.g. 2026-10-26T09:00:00+02:00).
    public static DateTimeOffset InZone(DateTimeOffset instant, string timeZone)
    {
        var utc = instant.UtcDateTime;
        var local = new CalDateTime(utc, CalDateTime.UtcTzId).ToTimeZone(timeZone).Value;
        // Ical.Net's local value is whole seconds; offsets are whole minutes.
        var offset = TimeSpan.FromMinutes(Math.Round((local - utc).TotalMinutes));
        return new DateTimeOffset(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), offset);
    }

    public static DateOnly DateIn(DateTimeOffset instant, string timeZone) => DateOnly.FromDateTime(InZone(instant, timeZone).DateTime);

    // Today in Finland: the day searches and lists start from by default.
    public static DateOnly Today(TimeProvider clock) => DateIn(clock.GetUtcNow(), Helsinki);

    // The instant a local day begins (in Finland unless another zone is named).
    public static DateTimeOffset StartOfDay(DateOnly day, string timeZone = Helsinki) => ToUtc(day, TimeOnly.MinValue, timeZone);

    public static bool IsKnownZone(string timeZone)
    {
        try
        {
            _ = new CalDateTime(2026, 1, 1, 0, 0, 0, timeZone).AsUtc;
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
