using Ajanvaraus.Api.Data;
using Dapper;

namespace Ajanvaraus.Api.Availability;

// Rules of one expert. Every change rebuilds the expert's windows in the same transaction.
internal sealed class AvailabilityRuleStore(Db db, WindowMaterializer materializer)
{
    // Keyset: `Id > @After` with the smallest key for the first page (never `@After IS NULL OR …`, whose one cached plan
    // on SQL Server cannot seek to the cursor and reads every earlier page again).
    internal static readonly DialectSql ListSql = new(
        SqlServer: """
            SELECT TOP (@Take) Id, ExpertId, ServicePointId, AllowsInPerson, AllowsRemoteAtPoint, AllowsVideo, AllowsPhone,
                   StartTime, EndTime, RecurrenceRule, ValidFrom, ValidUntil
            FROM dbo.AvailabilityRules
            WHERE ExpertId = @ExpertId AND Id > @After
            ORDER BY Id
            """,
        Sqlite: """
            SELECT Id, ExpertId, ServicePointId, AllowsInPerson, AllowsRemoteAtPoint, AllowsVideo, AllowsPhone,
                   StartTime, EndTime, RecurrenceRule, ValidFrom, ValidUntil
            FROM AvailabilityRules
            WHERE ExpertId = @ExpertId AND Id > @After
            ORDER BY Id
            LIMIT @Take
            """);

    internal const string FindSql = """
        SELECT Id, ExpertId, ServicePointId, AllowsInPerson, AllowsRemoteAtPoint, AllowsVideo, AllowsPhone,
               StartTime, EndTime, RecurrenceRule, ValidFrom, ValidUntil
        FROM AvailabilityRules
        WHERE Id = @Id AND ExpertId = @ExpertId
        """;

    internal const string ProviderServesPointSql = """
        SELECT COUNT(*) FROM ServicePointProviders WHERE ServicePointId = @ServicePointId AND ProviderId = @ProviderId
        """;

    internal const string PointHoursSql = """
        SELECT Weekday, Opens, Closes FROM ServicePointOpeningHours WHERE ServicePointId = @ServicePointId
        """;

    internal const string InsertSql = """
        INSERT INTO AvailabilityRules (Id, ExpertId, ServicePointId, AllowsInPerson, AllowsRemoteAtPoint, AllowsVideo, AllowsPhone,
                                       StartTime, EndTime, RecurrenceRule, ValidFrom, ValidUntil, CreatedAt, UpdatedAt)
        VALUES (@Id, @ExpertId, @ServicePointId, @AllowsInPerson, @AllowsRemoteAtPoint, @AllowsVideo, @AllowsPhone,
                @StartTime, @EndTime, @RecurrenceRule, @ValidFrom, @ValidUntil, @Now, @Now)
        """;

    internal const string UpdateSql = """
        UPDATE AvailabilityRules
        SET ServicePointId = @ServicePointId, AllowsInPerson = @AllowsInPerson, AllowsRemoteAtPoint = @AllowsRemoteAtPoint,
            AllowsVideo = @AllowsVideo, AllowsPhone = @AllowsPhone, StartTime = @StartTime, EndTime = @EndTime,
            RecurrenceRule = @RecurrenceRule, ValidFrom = @ValidFrom, ValidUntil = @ValidUntil, UpdatedAt = @Now
        WHERE Id = @Id AND ExpertId = @ExpertId
        """;

    internal const string DeleteSql = """
        DELETE FROM AvailabilityRules WHERE Id = @Id AND ExpertId = @ExpertId
        """;

    public async Task<IReadOnlyList<AvailabilityRuleRow>> ListAsync(Guid expertId, Guid? after, int take, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        var rows = await c.QueryAsync<AvailabilityRuleRow>(new CommandDefinition(db.Sql(ListSql), new { ExpertId = expertId,
            After = after ?? Guid.Empty, Take = take }, cancellationToken: ct));
        return rows.AsList();
    }

    public async Task<AvailabilityRuleRow?> FindAsync(Guid expertId, Guid ruleId, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        return await c.QuerySingleOrDefaultAsync<AvailabilityRuleRow>(new CommandDefinition(FindSql, new { Id = ruleId,
            ExpertId = expertId }, cancellationToken: ct));
    }

    // Whether the point exists and the provider serves there (a rule may only place an expert where their agency is).
    public async Task<bool> ProviderServesPointAsync(string providerId, string servicePointId, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        var count = await c.ExecuteScalarAsync<int>(new CommandDefinition(ProviderServesPointSql, new { ServicePointId = servicePointId,
            ProviderId = providerId }, cancellationToken: ct));
        return count > 0;
    }

    public async Task<IReadOnlyList<OpeningHours>> PointHoursAsync(string servicePointId, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        var args = new { ServicePointId = servicePointId };
        var rows = await c.QueryAsync<HoursRow>(new CommandDefinition(PointHoursSql, args, cancellationToken: ct));
        return rows.Select(h => new OpeningHours(h.Weekday, h.Opens, h.Closes)).ToList();
    }

    // Writes lock the expert row first, then rules, then windows: the order the rebuild job's chunks take too, so on
    // SQL Server a rule change and the job queue on the expert's key lock instead of deadlocking.
    public Task InsertAsync(AvailabilityRuleRow row, CancellationToken ct) =>
        db.WriteAsync(async scope =>
        {
            await WindowMaterializer.LockExpertAsync(scope, row.ExpertId);
            await scope.ExecuteAsync(InsertSql, Parameters(row, scope.Now));
            await materializer.RebuildExpertAsync(scope, row.ExpertId);
        }, ct);

    // False when the expert has no such rule.
    public Task<bool> UpdateAsync(AvailabilityRuleRow row, CancellationToken ct) =>
        db.WriteAsync(async scope =>
        {
            await WindowMaterializer.LockExpertAsync(scope, row.ExpertId);
            if (await scope.ExecuteAsync(UpdateSql, Parameters(row, scope.Now)) != 1)
            {
                return false;
            }

            await materializer.RebuildExpertAsync(scope, row.ExpertId);
            return true;
        }, ct);

    // False when the expert has no such rule. Its windows go with it (ON DELETE CASCADE): search must hear of that.
    public Task<bool> DeleteAsync(Guid expertId, Guid ruleId, CancellationToken ct) =>
        db.WriteAsync(async scope =>
        {
            await WindowMaterializer.LockExpertAsync(scope, expertId);
            if (await scope.ExecuteAsync(DeleteSql, new { Id = ruleId, ExpertId = expertId }) != 1)
            {
                return false;
            }

            scope.WindowsChanged([expertId]);
            return true;
        }, ct);

    private sealed record HoursRow
    {
        public int Weekday { get; init; }
        public TimeOnly Opens { get; init; }
        public TimeOnly Closes { get; init; }
    }

    private static object Parameters(AvailabilityRuleRow row, DateTimeOffset now) => new
    {
        row.Id,
        row.ExpertId,
        row.ServicePointId,
        row.AllowsInPerson,
        row.AllowsRemoteAtPoint,
        row.AllowsVideo,
        row.AllowsPhone,
        row.StartTime,
        row.EndTime,
        row.RecurrenceRule,
        row.ValidFrom,
        row.ValidUntil,
        Now = now,
    };
}
