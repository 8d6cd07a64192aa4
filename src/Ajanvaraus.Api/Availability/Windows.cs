using System.ComponentModel;
using Microsoft.AspNetCore.Mvc;
using Ajanvaraus.Api.Hosting;

namespace Ajanvaraus.Api.Availability;

public sealed record WindowsQuery(
    [property: DateInRange, Description("First local day (yyyy-MM-dd, Finnish time); default today.")]
    [FromQuery(Name = "from")] DateOnly? From,
    [property: DateInRange, Description("Last local day, inclusive (yyyy-MM-dd); default from + 14 days; at most 92 days after from.")]
    [FromQuery(Name = "to")] DateOnly? To)
{
    internal const int MaxDays = 92;
    internal const int DefaultDays = 14;
}

// A stretch of the expert's time, with the point's UTC offset (Helsinki's for remote windows).
public sealed record WindowResponse(DateTimeOffset Start, DateTimeOffset End, Guid RuleId, string? ServicePointId,
    IReadOnlyList<Channel> Channels);

internal sealed record WindowRow
{
    public Guid RuleId { get; init; }
    public DateTimeOffset StartsAt { get; init; }
    public DateTimeOffset EndsAt { get; init; }
    public string? ServicePointId { get; init; }
    public bool AllowsInPerson { get; init; }
    public bool AllowsRemoteAtPoint { get; init; }
    public bool AllowsVideo { get; init; }
    public bool AllowsPhone { get; init; }
    public string? TimeZone { get; init; }

    public WindowResponse ToResponse()
    {
        var zone = TimeZone ?? LocalTime.Helsinki;
        var channels = new ChannelFlags(AllowsInPerson, AllowsRemoteAtPoint, AllowsVideo, AllowsPhone);
        return new(LocalTime.InZone(StartsAt, zone), LocalTime.InZone(EndsAt, zone), RuleId, ServicePointId, channels.ToList());
    }
}

// A confirmed future booking that no window of its expert covers any more (after a rule or absence change).
public sealed record ConflictResponse(
    Guid BookingId,
    string Reference,
    Guid ExpertId,
    Guid ServiceId,
    DateTimeOffset Start,
    DateTimeOffset End,
    Channel Channel,
    string? ServicePointId,
    [property: Description("When a busy time of one of the expert's calendar sources overlaps the booking: that source (its name is the "
        + "reason), and whether it is stale (no recent successful sync: its busy times may be out of date).")]
    ConflictSourceResponse? CalendarSource = null);

public sealed record ConflictSourceResponse(Guid SourceId, string Name, bool Stale);

// Property-mapped: SQLite cannot say the type of a computed column (Why) when no row comes back.
internal sealed record ConflictRow
{
    public Guid Id { get; init; }
    public string Reference { get; init; } = "";
    public Guid ExpertId { get; init; }
    public Guid ServiceId { get; init; }
    public DateTimeOffset StartsAt { get; init; }
    public DateTimeOffset EndsAt { get; init; }
    public string Channel { get; init; } = "";
    public string? ServicePointId { get; init; }
    public string? TimeZone { get; init; }

    // 'uncovered' (no window holds it) or 'closed' (a closure of its point is within a day of it).
    public string Why { get; init; } = "";

    // The calendar source whose busy time overlaps it, if any (filled after the query).
    public ConflictSourceResponse? CalendarSource { get; init; }

    public ConflictResponse ToResponse()
    {
        var zone = TimeZone ?? LocalTime.Helsinki;
        return new(Id, Reference, ExpertId, ServiceId, LocalTime.InZone(StartsAt, zone), LocalTime.InZone(EndsAt, zone),
            ChannelFlags.Parse(Channel), ServicePointId, CalendarSource);
    }
}
