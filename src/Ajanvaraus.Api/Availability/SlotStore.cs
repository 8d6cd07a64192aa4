using Ajanvaraus.Api.Services;
using Ajanvaraus.Api.Data;
using Dapper;

namespace Ajanvaraus.Api.Availability;

internal sealed record SlotPoint(string Id, string TimeZone);

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

    public SlotWindow Window => new(ExpertId, ServicePointId, StartsAt, EndsAt, AllowsInPerson, AllowsRemoteAtPoint, AllowsVideo, AllowsPhone);
}

internal sealed record TakenUnitRow(Guid ResourceId, DateTimeOffset UnitStart);

/// <summary>The reads of availability search: each bounded by the service, the place and the days asked.</summary>
internal sealed class SlotStore(Db db)
{
    // Points where the provider serves, by point id or municipality code.
    internal const string PointsSql = """
        SELECT sp.Id, sp.TimeZone
        FROM ServicePoints sp
        JOIN ServicePointProviders spp ON spp.ServicePointId = sp.Id AND spp.ProviderId = @ProviderId
        WHERE (@ServicePointId IS NULL OR sp.Id = @ServicePointId)
          AND (@Municipality IS NULL OR sp.MunicipalityCode = @Municipality)
        ORDER BY sp.Id
        """;

    // Windows at those points of experts who deliver the service (in person).
    internal const string PointWindowsSql = """
        SELECT w.ExpertId, e.DisplayName, w.ServicePointId, w.StartsAt, w.EndsAt,
               w.AllowsInPerson, w.AllowsRemoteAtPoint, w.AllowsVideo, w.AllowsPhone
        FROM ServicePoints sp
        JOIN ServicePointProviders spp ON spp.ServicePointId = sp.Id AND spp.ProviderId = @ProviderId
        JOIN AvailabilityWindows w ON w.ServicePointId = sp.Id AND w.StartsAt >= @WindowsFrom AND w.StartsAt < @To
        JOIN ExpertServices es ON es.ExpertId = w.ExpertId AND es.ServiceId = @ServiceId
        JOIN Experts e ON e.Id = w.ExpertId AND e.IsActive = 1
        WHERE (@ServicePointId IS NULL OR sp.Id = @ServicePointId)
          AND (@Municipality IS NULL OR sp.MunicipalityCode = @Municipality)
          AND w.AllowsInPerson = 1
          AND (@Language IS NULL OR EXISTS (SELECT 1 FROM ExpertLanguages l WHERE l.ExpertId = w.ExpertId AND l.Language = @Language))
        """;

    // Windows of experts who deliver the service on a remote channel, wherever they sit.
    internal const string RemoteWindowsSql = """
        SELECT w.ExpertId, e.DisplayName, w.ServicePointId, w.StartsAt, w.EndsAt,
               w.AllowsInPerson, w.AllowsRemoteAtPoint, w.AllowsVideo, w.AllowsPhone
        FROM ExpertServices es
        JOIN AvailabilityWindows w ON w.ExpertId = es.ExpertId AND w.StartsAt >= @WindowsFrom AND w.StartsAt < @To
        JOIN Experts e ON e.Id = w.ExpertId AND e.IsActive = 1
        WHERE es.ServiceId = @ServiceId
          AND (@ExpertId IS NULL OR es.ExpertId = @ExpertId)
          AND ((@RemoteAtPoint = 1 AND w.AllowsRemoteAtPoint = 1) OR (@Video = 1 AND w.AllowsVideo = 1) OR (@Phone = 1 AND w.AllowsPhone = 1))
          AND (@Language IS NULL OR EXISTS (SELECT 1 FROM ExpertLanguages l WHERE l.ExpertId = w.ExpertId AND l.Language = @Language))
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

    // Taken units of the given resources (a JSON array of ids) in the range; expired holds do not count.
    internal static readonly DialectSql TakenUnitsSql = new(
        SqlServer: """
            SELECT bu.ResourceId, bu.UnitStart
            FROM BookedUnits bu
            WHERE bu.ResourceId IN (SELECT CAST(j.value AS UNIQUEIDENTIFIER) FROM OPENJSON(@ResourceIds) j)
              AND bu.UnitStart >= @From AND bu.UnitStart < @To
              AND (bu.ExpiresAt IS NULL OR bu.ExpiresAt > @Now)
            """,
        Sqlite: """
            SELECT bu.ResourceId, bu.UnitStart
            FROM BookedUnits bu
            WHERE bu.ResourceId IN (SELECT j.value FROM json_each(@ResourceIds) j)
              AND bu.UnitStart >= @From AND bu.UnitStart < @To
              AND (bu.ExpiresAt IS NULL OR bu.ExpiresAt > @Now)
            """);

    /// <summary>Windows start at most this long before a slot in them (rules are within one local day).</summary>
    public static readonly TimeSpan LongestWindow = TimeSpan.FromHours(25);

    public async Task<IReadOnlyList<SlotPoint>> PointsAsync(string providerId, string? servicePointId, string? municipality, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        var rows = await c.QueryAsync<SlotPoint>(new CommandDefinition(PointsSql, new { ProviderId = providerId, ServicePointId = servicePointId, Municipality = municipality }, cancellationToken: ct));
        return rows.AsList();
    }

    public async Task<IReadOnlyList<NamedSlotWindow>> PointWindowsAsync(ServiceRow service, string? servicePointId, string? municipality, string? language, DateTimeOffset from, DateTimeOffset to, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        var args = new { ServiceId = service.Id, service.ProviderId, ServicePointId = servicePointId, Municipality = municipality, Language = language, WindowsFrom = from - LongestWindow, To = to };
        return (await c.QueryAsync<NamedSlotWindow>(new CommandDefinition(PointWindowsSql, args, cancellationToken: ct))).AsList();
    }

    public async Task<IReadOnlyList<NamedSlotWindow>> RemoteWindowsAsync(ServiceRow service, Guid? expertId, ChannelFlags channels, string? language, DateTimeOffset from, DateTimeOffset to, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        var args = new
        {
            ServiceId = service.Id, ExpertId = expertId, Language = language, WindowsFrom = from - LongestWindow, To = to,
            RemoteAtPoint = channels.AllowsRemoteAtPoint, Video = channels.AllowsVideo, Phone = channels.AllowsPhone,
        };
        return (await c.QueryAsync<NamedSlotWindow>(new CommandDefinition(RemoteWindowsSql, args, cancellationToken: ct))).AsList();
    }

    public async Task<IReadOnlyList<NamedSlotWindow>> ExpertWindowsAsync(Guid serviceId, Guid expertId, DateTimeOffset from, DateTimeOffset to, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        var args = new { ServiceId = serviceId, ExpertId = expertId, WindowsFrom = from - LongestWindow, To = to };
        return (await c.QueryAsync<NamedSlotWindow>(new CommandDefinition(ExpertWindowsSql, args, cancellationToken: ct))).AsList();
    }

    public async Task<HashSet<(Guid Resource, DateTimeOffset Unit)>> TakenUnitsAsync(IReadOnlyCollection<Guid> resources, DateTimeOffset from, DateTimeOffset to, DateTimeOffset now, CancellationToken ct)
    {
        if (resources.Count == 0)
        {
            return [];
        }

        await using var c = await db.OpenAsync(ct);
        var ids = System.Text.Json.JsonSerializer.Serialize(resources.Select(r => r.ToString("D")));
        var rows = await c.QueryAsync<TakenUnitRow>(new CommandDefinition(db.Sql(TakenUnitsSql), new { ResourceIds = ids, From = from, To = to, Now = now }, cancellationToken: ct));
        return rows.Select(r => (r.ResourceId, r.UnitStart)).ToHashSet();
    }
}
