using Ajanvaraus.Api.Data;
using Dapper;

namespace Ajanvaraus.Api.Availability;

// Absences of one expert. Every change rebuilds the expert's windows in the same transaction.
internal sealed class AbsenceStore(Db db, TimeProvider clock, WindowMaterializer materializer)
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
    public async Task InsertAsync(AbsenceRow row, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        await using var tx = await db.BeginWriteAsync(c, ct);
        await WindowMaterializer.LockExpertAsync(row.ExpertId, c, tx, ct);
        var parameters = new { row.Id, row.ExpertId, row.StartsAt, row.EndsAt, row.Reason, Now = clock.GetUtcNow() };
        await c.ExecuteAsync(new CommandDefinition(InsertSql, parameters, tx, cancellationToken: ct));
        await materializer.RebuildExpertAsync(row.ExpertId, c, tx, ct);
        await tx.CommitAsync(ct);
    }

    // False when the expert has no such absence.
    public async Task<bool> DeleteAsync(Guid expertId, Guid absenceId, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        await using var tx = await db.BeginWriteAsync(c, ct);
        await WindowMaterializer.LockExpertAsync(expertId, c, tx, ct);
        if (await c.ExecuteAsync(new CommandDefinition(DeleteSql, new { Id = absenceId, ExpertId = expertId }, tx,
            cancellationToken: ct)) != 1)
        {
            return false;
        }

        await materializer.RebuildExpertAsync(expertId, c, tx, ct);
        await tx.CommitAsync(ct);
        return true;
    }
}
