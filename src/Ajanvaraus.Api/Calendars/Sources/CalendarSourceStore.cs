using System.Data.Common;
using Ajanvaraus.Api.Availability;
using Ajanvaraus.Api.Data;
using Dapper;

namespace Ajanvaraus.Api.Calendars.Sources;

// Sources, their state and their busy times. A change of busy times rebuilds the expert's windows in its own write
// transaction (the expert row locked first, as absences do), so search and booking see it at once. SQL Server: that
// UPDATE takes the expert's X key lock until commit, so two syncs of one expert (or a sync and a rule change) queue
// instead of deadlocking on the windows; busy rows are deleted and inserted by IX_CalendarBusyTimes_SourceId (key locks).
internal sealed class CalendarSourceStore(Db db, WindowMaterializer materializer)
{
    private const string Columns = """
        s.Id, s.ExpertId, s.Name, s.Url, s.ETag, s.LastModified, s.ParsedDay, s.LastAttemptAt, s.LastSuccessAt, s.LastError, s.CreatedAt,
        (SELECT COUNT(*) FROM CalendarBusyTimes t WHERE t.SourceId = s.Id AND t.EndsAt > @Now) AS BusyIntervals
        """;

    internal const string InsertSql = """
        INSERT INTO CalendarSources (Id, ExpertId, Name, Url, CreatedAt) VALUES (@Id, @ExpertId, @Name, @Url, @CreatedAt)
        """;

    internal const string FindSql = $"""
        SELECT {Columns} FROM CalendarSources s WHERE s.Id = @Id AND s.ExpertId = @ExpertId
        """;

    internal static readonly DialectSql ListOfExpertSql = new(
        SqlServer: $"SELECT TOP (@Take) {Columns} FROM dbo.CalendarSources s WHERE s.ExpertId = @ExpertId AND s.Id > @After ORDER BY s.Id",
        Sqlite: $"SELECT {Columns} FROM CalendarSources s WHERE s.ExpertId = @ExpertId AND s.Id > @After ORDER BY s.Id LIMIT @Take");

    // The operators' view, all sources or the stale (or fresh) ones: separate texts, one plan each on SQL Server.
    internal static readonly DialectSql ListAllSql = All("");
    internal static readonly DialectSql ListStaleSql = All("AND (s.LastSuccessAt IS NULL OR s.LastSuccessAt < @StaleBefore)");
    internal static readonly DialectSql ListFreshSql = All("AND s.LastSuccessAt >= @StaleBefore");

    internal const string AllIdsSql = """
        SELECT Id, ExpertId FROM CalendarSources ORDER BY Id
        """;

    // A changed address starts over: its old validators would make the new server answer 304 to the wrong calendar.
    internal const string UpdateSql = """
        UPDATE CalendarSources SET Name = @Name, Url = @Url, ETag = NULL, LastModified = NULL, ParsedDay = NULL
        WHERE Id = @Id AND ExpertId = @ExpertId
        """;

    internal const string DeleteBusySql = """
        DELETE FROM CalendarBusyTimes WHERE SourceId = @Id
        """;

    internal const string DeleteSql = """
        DELETE FROM CalendarSources WHERE Id = @Id AND ExpertId = @ExpertId
        """;

    internal const string BusyOfSourceSql = """
        SELECT StartsAt, EndsAt FROM CalendarBusyTimes WHERE SourceId = @Id ORDER BY StartsAt, EndsAt
        """;

    // Every interval of a sync in one statement (a JSON array, as booked units are written), not one per row.
    internal static readonly DialectSql InsertBusySql = new(
        SqlServer: """
            INSERT INTO dbo.CalendarBusyTimes (SourceId, ExpertId, StartsAt, EndsAt)
            SELECT @SourceId, @ExpertId, j.StartsAt, j.EndsAt
            FROM OPENJSON(@Busy) WITH (StartsAt DATETIMEOFFSET(0) '$.s', EndsAt DATETIMEOFFSET(0) '$.e') j
            """,
        Sqlite: """
            INSERT INTO CalendarBusyTimes (SourceId, ExpertId, StartsAt, EndsAt)
            SELECT @SourceId, @ExpertId, json_extract(j.value, '$.s'), json_extract(j.value, '$.e')
            FROM json_each(@Busy) j
            """);

    internal const string SuccessSql = """
        UPDATE CalendarSources SET LastAttemptAt = @Now, LastSuccessAt = @Now, LastError = NULL, ETag = @ETag, LastModified = @LastModified,
            ParsedDay = @ParsedDay
        WHERE Id = @Id
        """;

    internal const string NotModifiedSql = """
        UPDATE CalendarSources SET LastAttemptAt = @Now, LastSuccessAt = @Now, LastError = NULL WHERE Id = @Id
        """;

    internal const string FailureSql = """
        UPDATE CalendarSources SET LastAttemptAt = @Now, LastError = @Error WHERE Id = @Id
        """;

    // Where the expert's floating and all-day times are: the zone of a point of their rules (Helsinki without one).
    internal const string ExpertZoneSql = """
        SELECT MIN(p.TimeZone) FROM AvailabilityRules r JOIN ServicePoints p ON p.Id = r.ServicePointId WHERE r.ExpertId = @ExpertId
        """;

    private static DialectSql All(string filter) => new(
        SqlServer: $"SELECT TOP (@Take) {Columns} FROM dbo.CalendarSources s WHERE s.Id > @After {filter} ORDER BY s.Id",
        Sqlite: $"SELECT {Columns} FROM CalendarSources s WHERE s.Id > @After {filter} ORDER BY s.Id LIMIT @Take");

    public async Task InsertAsync(CalendarSourceRow row, CancellationToken ct) =>
        await db.WriteAsync(scope => scope.ExecuteAsync(InsertSql, row), ct);

    public async Task<CalendarSourceRow?> FindAsync(Guid expertId, Guid id, DateTimeOffset now, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        return await c.QuerySingleOrDefaultAsync<CalendarSourceRow>(new CommandDefinition(FindSql,
            new { Id = id, ExpertId = expertId, Now = now }, cancellationToken: ct));
    }

    public async Task<IReadOnlyList<CalendarSourceRow>> ListAsync(Guid expertId, Guid? after, int take, DateTimeOffset now,
        CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        var args = new { ExpertId = expertId, After = after ?? Guid.Empty, Take = take, Now = now };
        var command = new CommandDefinition(db.Sql(ListOfExpertSql), args, cancellationToken: ct);
        return (await c.QueryAsync<CalendarSourceRow>(command)).AsList();
    }

    public async Task<IReadOnlyList<CalendarSourceRow>> ListAllAsync(bool? stale, DateTimeOffset staleBefore, Guid? after, int take,
        DateTimeOffset now, CancellationToken ct)
    {
        var sql = stale switch { true => ListStaleSql, false => ListFreshSql, null => ListAllSql };
        await using var c = await db.OpenAsync(ct);
        var args = new { StaleBefore = staleBefore, After = after ?? Guid.Empty, Take = take, Now = now };
        return (await c.QueryAsync<CalendarSourceRow>(new CommandDefinition(db.Sql(sql), args, cancellationToken: ct))).AsList();
    }

    public async Task<IReadOnlyList<(Guid Id, Guid ExpertId)>> AllIdsAsync(CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        return (await c.QueryAsync<(Guid, Guid)>(new CommandDefinition(AllIdsSql, cancellationToken: ct))).AsList();
    }

    public async Task<string> ExpertZoneAsync(Guid expertId, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        return await c.ExecuteScalarAsync<string?>(new CommandDefinition(ExpertZoneSql, new { ExpertId = expertId }, cancellationToken: ct))
            ?? LocalTime.Helsinki;
    }

    public async Task<bool> UpdateAsync(Guid expertId, Guid id, CalendarSourceRequest body, CancellationToken ct) =>
        await db.WriteAsync(
            async scope => await scope.ExecuteAsync(UpdateSql, new { Id = id, ExpertId = expertId, body.Name, body.Url }) == 1, ct);

    // Removing a source frees its busy time at once.
    public async Task<bool> DeleteAsync(Guid expertId, Guid id, CancellationToken ct) =>
        await db.WriteAsync(async scope =>
        {
            await WindowMaterializer.LockExpertAsync(scope, expertId);
            var args = new { Id = id, ExpertId = expertId };
            if (await scope.ExecuteAsync(DeleteSql, args) != 1)
            {
                return false;
            }

            await scope.ExecuteAsync(DeleteBusySql, args);
            await materializer.RebuildExpertAsync(scope, expertId);
            return true;
        }, ct);

    // A good parse: the busy times replaced (and the windows rebuilt) only when they differ from the stored ones.
    // Returns whether anything changed. Diffed before the write, on a plain read: an unchanged calendar (most syncs)
    // never takes the expert's lock, and a changed one holds it only for the replace. SQL Server: the delete and the
    // insert seek the clustered key (SourceId, StartsAt, EndsAt) (0016), no heap scan.
    public async Task<bool> RecordSuccessAsync(CalendarSourceRow source, IReadOnlyList<TimeInterval> busy, FetchOutcome fetched,
        string parsedDay, DateTimeOffset now, CancellationToken ct)
    {
        bool changed;
        await using (var c = await db.OpenAsync(ct))
        {
            changed = !(await StoredAsync(c, source.Id, ct)).SequenceEqual(busy);
        }

        return await db.WriteAsync(async scope =>
        {
            if (changed)
            {
                await WindowMaterializer.LockExpertAsync(scope, source.ExpertId);
                await scope.ExecuteAsync(DeleteBusySql, new { source.Id });
                await scope.ExecuteAsync(scope.Sql(InsertBusySql), new { SourceId = source.Id, source.ExpertId, Busy = BusyJson(busy) });
                await materializer.RebuildExpertAsync(scope, source.ExpertId);
            }

            await scope.ExecuteAsync(SuccessSql, new { source.Id, Now = now, fetched.ETag, fetched.LastModified, ParsedDay = parsedDay });
            return changed;
        }, ct);
    }

    public async Task RecordNotModifiedAsync(Guid id, DateTimeOffset now, CancellationToken ct) =>
        await db.WriteAsync(scope => scope.ExecuteAsync(NotModifiedSql, new { Id = id, Now = now }), ct);

    // A failure touches only the state: the last good busy times stay in force.
    public async Task RecordFailureAsync(Guid id, string error, DateTimeOffset now, CancellationToken ct) =>
        await db.WriteAsync(
            scope => scope.ExecuteAsync(FailureSql, new { Id = id, Now = now, Error = error.Length > 1000 ? error[..1000] : error }), ct);

    private static async Task<List<TimeInterval>> StoredAsync(DbConnection c, Guid id, CancellationToken ct) =>
        (await c.QueryAsync<(DateTimeOffset StartsAt, DateTimeOffset EndsAt)>(new CommandDefinition(BusyOfSourceSql, new { Id = id },
            cancellationToken: ct))).Select(r => new TimeInterval(r.StartsAt, r.EndsAt)).ToList();

    // Instants as each engine stores them: SQLite's fixed-width text (its order is time order), ISO 8601 for OPENJSON.
    private string BusyJson(IReadOnlyList<TimeInterval> busy) => System.Text.Json.JsonSerializer.Serialize(busy.Select(b => new
    {
        s = Text(b.Start), e = Text(b.End),
    }));

    private string Text(DateTimeOffset instant) => db.Dialect == Dialect.Sqlite ? DapperTypeHandlers.ToSqliteText(instant)
        : instant.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);
}
