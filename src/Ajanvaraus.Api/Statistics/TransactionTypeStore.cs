using Ajanvaraus.Api.Data;
using Dapper;

namespace Ajanvaraus.Api.Statistics;

internal enum TypeWrite
{
    Done,
    NotFound,
    Exists,
    UnknownProvider,
    InUse,
}

internal sealed class TransactionTypeStore(Db db, TimeProvider clock)
{
    // A short list (tens of rows): keyset on the id, the provider's filter read as it is.
    internal static readonly DialectSql ListSql = new(
        SqlServer: """
            SELECT TOP (@Take) Id, ProviderId, NameFi, NameSv, NameEn
            FROM dbo.TransactionTypes
            WHERE Id > @After AND (@Provider IS NULL OR ProviderId IS NULL OR ProviderId = @Provider)
            ORDER BY Id
            """,
        Sqlite: """
            SELECT Id, ProviderId, NameFi, NameSv, NameEn
            FROM TransactionTypes
            WHERE Id > @After AND (@Provider IS NULL OR ProviderId IS NULL OR ProviderId = @Provider)
            ORDER BY Id
            LIMIT @Take
            """);

    internal const string FindSql = """
        SELECT Id, ProviderId, NameFi, NameSv, NameEn FROM TransactionTypes WHERE Id = @Id
        """;

    internal const string InsertSql = """
        INSERT INTO TransactionTypes (Id, ProviderId, NameFi, NameSv, NameEn, CreatedAt, UpdatedAt)
        VALUES (@Id, @ProviderId, @NameFi, @NameSv, @NameEn, @Now, @Now)
        """;

    internal const string UpdateSql = """
        UPDATE TransactionTypes SET NameFi = @NameFi, NameSv = @NameSv, NameEn = @NameEn, UpdatedAt = @Now WHERE Id = @Id
        """;

    internal const string DeleteSql = """
        DELETE FROM TransactionTypes WHERE Id = @Id
        """;

    public async Task<IReadOnlyList<TransactionTypeRow>> ListAsync(string? provider, string? after, int take, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        return (await c.QueryAsync<TransactionTypeRow>(new CommandDefinition(db.Sql(ListSql),
            new { Provider = provider, After = after ?? "", Take = take }, cancellationToken: ct))).AsList();
    }

    public async Task<TransactionTypeRow?> FindAsync(string id, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        return await c.QuerySingleOrDefaultAsync<TransactionTypeRow>(new CommandDefinition(FindSql, new { Id = id }, cancellationToken: ct));
    }

    public async Task<TypeWrite> InsertAsync(TransactionTypeRow row, CancellationToken ct)
    {
        try
        {
            await db.WriteAsync(scope => scope.ExecuteAsync(InsertSql, new
            {
                row.Id, row.ProviderId, row.NameFi, row.NameSv, row.NameEn, Now = clock.GetUtcNow(),
            }), ct);
            return TypeWrite.Done;
        }
        catch (Exception ex) when (Db.IsUniqueViolation(ex))
        {
            return TypeWrite.Exists;
        }
        catch (Exception ex) when (Db.IsForeignKeyViolation(ex))
        {
            return TypeWrite.UnknownProvider;
        }
    }

    public async Task<bool> UpdateAsync(TransactionTypeRow row, CancellationToken ct) =>
        await db.WriteAsync(scope => scope.ExecuteAsync(UpdateSql, new
        {
            row.Id, row.NameFi, row.NameSv, row.NameEn, Now = clock.GetUtcNow(),
        }), ct) == 1;

    // A type that events or prices refer to stays (the statistics of past periods name it).
    public async Task<TypeWrite> DeleteAsync(string id, CancellationToken ct)
    {
        try
        {
            var deleted = await db.WriteAsync(scope => scope.ExecuteAsync(DeleteSql, new { Id = id }), ct);
            return deleted == 1 ? TypeWrite.Done : TypeWrite.NotFound;
        }
        catch (Exception ex) when (Db.IsForeignKeyViolation(ex))
        {
            return TypeWrite.InUse;
        }
    }
}
