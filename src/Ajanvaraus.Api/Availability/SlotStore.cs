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

internal sealed record TakenUnitRow(Guid ResourceId, DateTimeOffset UnitStart);

// The reads of availability search: each bounded by the service, the place and the days asked.
internal sealed class SlotStore(Db db)
{
    // The point, if the provider serves there. One text per filter: "@X IS NULL OR ..." would scan every point of the provider.
    internal const string PointSql = """
        SELECT sp.Id, sp.TimeZone, sp.NameFi, sp.NameSv, sp.NameEn, sp.StreetAddress, sp.PostalCode, sp.PostOffice
        FROM ServicePoints sp
        JOIN ServicePointProviders spp ON spp.ServicePointId = sp.Id AND spp.ProviderId = @ProviderId
        WHERE sp.Id = @ServicePointId
        """;

    // The points of a municipality where the provider serves.
    internal const string MunicipalityPointsSql = """
        SELECT sp.Id, sp.TimeZone, sp.NameFi, sp.NameSv, sp.NameEn, sp.StreetAddress, sp.PostalCode, sp.PostOffice
        FROM ServicePoints sp
        JOIN ServicePointProviders spp ON spp.ServicePointId = sp.Id AND spp.ProviderId = @ProviderId
        WHERE sp.MunicipalityCode = @Municipality
        ORDER BY sp.Id
        """;

    // Windows at the given points (a JSON array of ids) of experts who deliver the service (in person).
    internal static readonly DialectSql PointWindowsSql = new(
        SqlServer: """
            SELECT w.ExpertId, e.DisplayName, w.ServicePointId, w.StartsAt, w.EndsAt,
                   w.AllowsInPerson, w.AllowsRemoteAtPoint, w.AllowsVideo, w.AllowsPhone
            FROM AvailabilityWindows w
            JOIN ExpertServices es ON es.ExpertId = w.ExpertId AND es.ServiceId = @ServiceId
            JOIN Experts e ON e.Id = w.ExpertId AND e.IsActive = 1
            WHERE w.ServicePointId IN (SELECT CAST(j.value AS NVARCHAR(40)) FROM OPENJSON(@PointIds) j)
              AND w.StartsAt >= @WindowsFrom AND w.StartsAt < @To
              AND w.AllowsInPerson = 1
              AND (@Language IS NULL OR EXISTS (SELECT 1 FROM ExpertLanguages l WHERE l.ExpertId = w.ExpertId AND l.Language = @Language))
            """,
        Sqlite: """
            SELECT w.ExpertId, e.DisplayName, w.ServicePointId, w.StartsAt, w.EndsAt,
                   w.AllowsInPerson, w.AllowsRemoteAtPoint, w.AllowsVideo, w.AllowsPhone
            FROM AvailabilityWindows w
            JOIN ExpertServices es ON es.ExpertId = w.ExpertId AND es.ServiceId = @ServiceId
            JOIN Experts e ON e.Id = w.ExpertId AND e.IsActive = 1
            WHERE w.ServicePointId IN (SELECT j.value FROM json_each(@PointIds) j)
              AND w.StartsAt >= @WindowsFrom AND w.StartsAt < @To
              AND w.AllowsInPerson = 1
              AND (@Language IS NULL OR EXISTS (SELECT 1 FROM ExpertLanguages l WHERE l.ExpertId = w.ExpertId AND l.Language = @Language))
            """);

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

    // Windows start at most this long before a slot in them (rules are within one local day).
    public static readonly TimeSpan LongestWindow = TimeSpan.FromHours(25);

    public async Task<IReadOnlyList<SlotPoint>> PointsAsync(string providerId, string? servicePointId, string? municipality,
        CancellationToken ct)
    {
        if (servicePointId is null && municipality is null)
        {
            return [];
        }

        await using var c = await db.OpenAsync(ct);
        var sql = servicePointId is not null ? PointSql : MunicipalityPointsSql;
        var rows = await c.QueryAsync<SlotPoint>(new CommandDefinition(sql, new { ProviderId = providerId, ServicePointId = servicePointId,
            Municipality = municipality }, cancellationToken: ct));
        return rows.AsList();
    }

    public async Task<IReadOnlyList<NamedSlotWindow>> PointWindowsAsync(ServiceRow service, IEnumerable<string> pointIds, string? language,
        DateTimeOffset from, DateTimeOffset to, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        var args = new { ServiceId = service.Id, PointIds = System.Text.Json.JsonSerializer.Serialize(pointIds), Language = language,
            WindowsFrom = from - LongestWindow, To = to };
        return (await c.QueryAsync<NamedSlotWindow>(new CommandDefinition(db.Sql(PointWindowsSql), args, cancellationToken: ct))).AsList();
    }

    public async Task<IReadOnlyList<NamedSlotWindow>> RemoteWindowsAsync(ServiceRow service, Guid? expertId, ChannelFlags channels,
        string? language, DateTimeOffset from, DateTimeOffset to, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        var args = new
        {
            ServiceId = service.Id, ExpertId = expertId, Language = language, WindowsFrom = from - LongestWindow, To = to,
            RemoteAtPoint = channels.AllowsRemoteAtPoint, Video = channels.AllowsVideo, Phone = channels.AllowsPhone,
        };
        return (await c.QueryAsync<NamedSlotWindow>(new CommandDefinition(RemoteWindowsSql, args, cancellationToken: ct))).AsList();
    }

    public async Task<IReadOnlyList<NamedSlotWindow>> ExpertWindowsAsync(Guid serviceId, Guid expertId, DateTimeOffset from,
        DateTimeOffset to, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        var args = new { ServiceId = serviceId, ExpertId = expertId, WindowsFrom = from - LongestWindow, To = to };
        return (await c.QueryAsync<NamedSlotWindow>(new CommandDefinition(ExpertWindowsSql, args, cancellationToken: ct))).AsList();
    }

    public async Task<HashSet<(Guid Resource, DateTimeOffset Unit)>> TakenUnitsAsync(IReadOnlyCollection<Guid> resources,
        DateTimeOffset from, DateTimeOffset to, DateTimeOffset now, CancellationToken ct)
    {
        if (resources.Count == 0)
        {
            return [];
        }

        await using var c = await db.OpenAsync(ct);
        var ids = System.Text.Json.JsonSerializer.Serialize(resources.Select(r => r.ToString("D")));
        var rows = await c.QueryAsync<TakenUnitRow>(new CommandDefinition(db.Sql(TakenUnitsSql), new { ResourceIds = ids, From = from,
            To = to, Now = now }, cancellationToken: ct));
        return rows.Select(r => (r.ResourceId, r.UnitStart)).ToHashSet();
    }
}
