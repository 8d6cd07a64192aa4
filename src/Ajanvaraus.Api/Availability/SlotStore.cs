using Ajanvaraus.Api.Services;
using Ajanvaraus.Api.Data;
using Dapper;

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

// The reads of the booking check (SlotFinder): one point, one expert's windows around one time.
internal sealed class SlotStore(Db db)
{
    // The point, if the provider serves there.
    internal const string PointSql = """
        SELECT sp.Id, sp.TimeZone, sp.NameFi, sp.NameSv, sp.NameEn, sp.StreetAddress, sp.PostalCode, sp.PostOffice
        FROM ServicePoints sp
        JOIN ServicePointProviders spp ON spp.ServicePointId = sp.Id AND spp.ProviderId = @ProviderId
        WHERE sp.Id = @ServicePointId
        """;

    // One expert's windows (booking and rescheduling check the asked time against these).
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

    // The point, if the provider serves there (none when no point is asked).
    public async Task<IReadOnlyList<SlotPoint>> PointsAsync(string providerId, string? servicePointId, CancellationToken ct)
    {
        if (servicePointId is null)
        {
            return [];
        }

        await using var c = await db.OpenAsync(ct);
        var rows = await c.QueryAsync<SlotPoint>(new CommandDefinition(PointSql, new { ProviderId = providerId, ServicePointId = servicePointId },
            cancellationToken: ct));
        return rows.AsList();
    }

    public async Task<IReadOnlyList<NamedSlotWindow>> ExpertWindowsAsync(Guid serviceId, Guid expertId, DateTimeOffset from,
        DateTimeOffset to, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        var args = new { ServiceId = serviceId, ExpertId = expertId, WindowsFrom = from - LongestWindow, To = to };
        return (await c.QueryAsync<NamedSlotWindow>(new CommandDefinition(ExpertWindowsSql, args, cancellationToken: ct))).AsList();
    }

}
