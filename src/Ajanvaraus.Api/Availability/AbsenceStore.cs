using Ajanvaraus.Api.Data;
using Dapper;

namespace Ajanvaraus.Api.Availability;

// Absences of one expert. Every change rebuilds the expert's windows in the same transaction.
internal sealed class AbsenceStore(Db db, WindowMaterializer materializer)
{
    // Keyset: `Id > @After` with the smallest key for the first page (never `@After IS NULL OR …`, whose one cached plan
    // on SQL Server cannot seek to the cursor and reads every earlier page again).
    internal static readonly DialectSql ListSql = new(
        SqlServer: """
            SELECT TOP (@Take) Id, ExpertId, StartsAt, EndsAt, Reason
            FROM dbo.Absences
            WHERE ExpertId = @ExpertId AND Id > @After
            ORDER BY Id
            """,
        Sqlite: """
            SELECT Id, ExpertId, StartsAt, EndsAt, Reason
            FROM Absences
            WHERE ExpertId = @ExpertId AND Id > @After
            ORDER BY Id
            LIMIT @Take
            """);

    internal const string InsertSql = """
        INSERT INTO Absences (Id, ExpertId, StartsAt, EndsAt, Reason, CreatedAt)
        VALUES (@Id, @ExpertId, @StartsAt, @EndsAt, @Reason, @Now)
        """;

    internal const string DeleteSql = """
        DELETE FROM Absences WHERE Id = @Id AND ExpertId = @ExpertId
        """;

    public async Task<IReadOnlyList<AbsenceRow>> ListAsync(Guid expertId, Guid? after, int take, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        var rows = await c.QueryAsync<AbsenceRow>(new CommandDefinition(db.Sql(ListSql), new { ExpertId = expertId,
            After = after ?? Guid.Empty, Take = take }, cancellationToken: ct));
        return rows.AsList();
    }

    // As with rules: the expert row first (SQL Server: its X key lock until commit), then absences and windows.
    public Task InsertAsync(AbsenceRow row, CancellationToken ct) =>
        db.WriteAsync(async scope =>
        {
            await WindowMaterializer.LockExpertAsync(scope, row.ExpertId);
            await scope.ExecuteAsync(InsertSql, new { row.Id, row.ExpertId, row.StartsAt, row.EndsAt, row.Reason, scope.Now });
            await materializer.RebuildExpertAsync(scope, row.ExpertId);
        }, ct);

    // False when the expert has no such absence.
    public Task<bool> DeleteAsync(Guid expertId, Guid absenceId, CancellationToken ct) =>
        db.WriteAsync(async scope =>
        {
            await WindowMaterializer.LockExpertAsync(scope, expertId);
            if (await scope.ExecuteAsync(DeleteSql, new { Id = absenceId, ExpertId = expertId }) != 1)
            {
                return false;
            }

            await materializer.RebuildExpertAsync(scope, expertId);
            return true;
        }, ct);
}
