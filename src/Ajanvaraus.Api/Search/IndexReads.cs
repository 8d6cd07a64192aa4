using System.Data.Common;
using System.Text.Json;
using Ajanvaraus.Api.Availability;
using Ajanvaraus.Api.Data;
using Dapper;

namespace Ajanvaraus.Api.Search;

// The reads that fill the index: all windows and taken units at start-up, one resource's at a time after a change.
internal static class IndexReads
{
    internal const string WindowsSql = """
        SELECT ExpertId, ServicePointId, StartsAt, EndsAt, AllowsInPerson, AllowsRemoteAtPoint, AllowsVideo, AllowsPhone
        FROM AvailabilityWindows
        WHERE EndsAt > @From
        """;

    internal static readonly DialectSql ExpertWindowsSql = new(
        SqlServer: """
            SELECT ExpertId, ServicePointId, StartsAt, EndsAt, AllowsInPerson, AllowsRemoteAtPoint, AllowsVideo, AllowsPhone
            FROM AvailabilityWindows
            WHERE ExpertId IN (SELECT CAST(j.value AS UNIQUEIDENTIFIER) FROM OPENJSON(@ExpertIds) j) AND EndsAt > @From
            """,
        Sqlite: """
            SELECT ExpertId, ServicePointId, StartsAt, EndsAt, AllowsInPerson, AllowsRemoteAtPoint, AllowsVideo, AllowsPhone
            FROM AvailabilityWindows
            WHERE ExpertId IN (SELECT j.value FROM json_each(@ExpertIds) j) AND EndsAt > @From
            """);

    // Units that block someone: booked, or held by a hold still live. In whatever order the engine reads them.
    internal const string UnitsSql = """
        SELECT ResourceId, UnitStart, ExpiresAt
        FROM BookedUnits
        WHERE UnitStart >= @From AND UnitStart < @To AND (ExpiresAt IS NULL OR ExpiresAt > @Now)
        """;

    internal const string ResourceUnitsSql = """
        SELECT ResourceId, UnitStart, ExpiresAt
        FROM BookedUnits
        WHERE ResourceId = @ResourceId AND UnitStart >= @From AND UnitStart < @To AND (ExpiresAt IS NULL OR ExpiresAt > @Now)
        """;

    public static async Task<Dictionary<Guid, ExpertWindows>> WindowsAsync(Db db, DbConnection c, IReadOnlyCollection<Guid>? experts,
        DateTimeOffset from, CancellationToken ct)
    {
        var rows = experts is null
            ? await c.QueryAsync<WindowRow>(new CommandDefinition(WindowsSql, new { From = from }, cancellationToken: ct))
            : await c.QueryAsync<WindowRow>(new CommandDefinition(db.Sql(ExpertWindowsSql),
                new { ExpertIds = JsonSerializer.Serialize(experts.Select(e => e.ToString("D"))), From = from }, cancellationToken: ct));
        var joined = rows.GroupBy(w => w.ExpertId).ToDictionary(g => g.Key, g => ExpertWindows.Of(g.Select(w => w.Window)));
        foreach (var expert in experts ?? [])
        {
            joined.TryAdd(expert, ExpertWindows.None);
        }

        return joined;
    }

    // Every taken unit in the span, into one state per resource. Grouped by resource, not by watching the ResourceId
    // change: SQL Server promises no order without ORDER BY, and a parallel scan interleaves ranges of the key.
    public static async Task<Dictionary<Guid, UnitState>> UnitsAsync(DbConnection c, IndexSpan span, DateTimeOffset now,
        CancellationToken ct)
    {
        var taken = new Dictionary<Guid, List<(int, long?)>>();
        await foreach (var (resource, unit) in ReadAsync(c, UnitsSql, new { From = span.Origin, To = span.End, Now = now }, span, ct))
        {
            Add(taken, resource, unit);
        }

        return States(span, taken);
    }

    internal static void Add(Dictionary<Guid, List<(int, long?)>> taken, Guid resource, (int Unit, long? ExpiresTicks) unit)
    {
        if (!taken.TryGetValue(resource, out var units))
        {
            taken[resource] = units = [];
        }

        units.Add(unit);
    }

    internal static Dictionary<Guid, UnitState> States(IndexSpan span, Dictionary<Guid, List<(int, long?)>> taken) =>
        taken.ToDictionary(pair => pair.Key, pair => UnitState.From(span, pair.Value));

    public static async Task<List<(int Unit, long? ExpiresTicks)>> ResourceUnitsAsync(DbConnection c, IndexSpan span, Guid resource,
        DateTimeOffset from, DateTimeOffset to, DateTimeOffset now, CancellationToken ct)
    {
        var taken = new List<(int, long?)>();
        var args = new { ResourceId = resource, From = from, To = to, Now = now };
        await foreach (var (_, unit) in ReadAsync(c, ResourceUnitsSql, args, span, ct))
        {
            taken.Add(unit);
        }

        return taken;
    }

    // A plain reader, not Dapper's mapping: the national build reads millions of units and parses each instant once.
    private static async IAsyncEnumerable<(Guid Resource, (int Unit, long? ExpiresTicks) Unit)> ReadAsync(
        DbConnection c, string sql, object args, IndexSpan span,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        await using var reader = await c.ExecuteReaderAsync(new CommandDefinition(sql, args, cancellationToken: ct));
        string? lastText = null;
        var resource = Guid.Empty;
        while (await reader.ReadAsync(ct))
        {
            if (reader.GetFieldType(0) == typeof(Guid))
            {
                resource = reader.GetGuid(0);
            }
            else if (reader.GetString(0) is var text && text != lastText)
            {
                (lastText, resource) = (text, Guid.Parse(text));
            }

            var start = Instant(reader, 1);
            long? expires = reader.IsDBNull(2) ? null : Instant(reader, 2).UtcTicks;
            yield return (resource, (span.UnitOf(start), expires));
        }
    }

    private static DateTimeOffset Instant(DbDataReader reader, int ordinal) =>
        reader.GetFieldType(ordinal) == typeof(string)
            ? DapperTypeHandlers.InstantFromText(reader.GetString(ordinal))
            : reader.GetFieldValue<DateTimeOffset>(ordinal);

    // Property-mapped: SQLite hands flags back as Int64, SQL Server as Boolean.
    private sealed record WindowRow
    {
        public Guid ExpertId { get; init; }
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
}
