namespace Ajanvaraus.Api.Availability;

// A point search offers times at, with what an answer shows of it.
internal sealed record SlotPoint(
    string Id, string TimeZone, string NameFi, string NameSv, string NameEn, string StreetAddress, string PostalCode, string PostOffice);

// Property-mapped, not positional: SQLite hands flags back as Int64, SQL Server as Boolean.
internal sealed record NamedSlotWindow
{
    public Guid ExpertId { get; init; }
    public string DisplayName { get; init; } = "";
    public string? ServicePointId { get; init; }
    public DateTimeOffset StartsAt { get; init; }
    public DateTimeOffset EndsAt { get; init; }
    public bool AllowsInPerson { get; init; }
    public bool AllowsRemoteAtPoint { get; init; }
    public bool AllowsVideo { get; init; }
    public bool AllowsPhone { get; init; }

    public SlotWindow Window => new(ExpertId, ServicePointId, StartsAt, EndsAt, AllowsInPerson, AllowsRemoteAtPoint, AllowsVideo,
        AllowsPhone);
}

// The booking check's read (SlotFinder.JudgeAsync, inside the write): one expert's windows around one time.
internal static class SlotStore
{
    // One expert's windows for one service (booking, holds and rescheduling judge the asked time against these).
    internal const string ExpertWindowsSql = """
        SELECT w.ExpertId, e.DisplayName, w.ServicePointId, w.StartsAt, w.EndsAt,
               w.AllowsInPerson, w.AllowsRemoteAtPoint, w.AllowsVideo, w.AllowsPhone
        FROM AvailabilityWindows w
        JOIN ExpertServices es ON es.ExpertId = w.ExpertId AND es.ServiceId = @ServiceId
        JOIN Experts e ON e.Id = w.ExpertId AND e.IsActive = 1
        WHERE w.ExpertId = @ExpertId AND w.StartsAt >= @WindowsFrom AND w.StartsAt < @To
        """;

    // Windows start at most this long before a slot in them (rules are within one local day).
    public static readonly TimeSpan LongestWindow = TimeSpan.FromHours(25);
}
