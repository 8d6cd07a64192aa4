using Ajanvaraus.Api.Data;
using Dapper;

namespace Ajanvaraus.Api.Providers;

internal sealed class ProviderStore(Db db)
{
    internal const string ProviderExistsSql = """
        SELECT COUNT(*) FROM Providers WHERE Id = @Id
        """;


    // Keyset: `Id > @After` with the smallest key for the first page (never `@After IS NULL OR …`, whose one cached plan
    // on SQL Server cannot seek to the cursor and reads every earlier page again).
    internal static readonly DialectSql ListSql = new(
        SqlServer: """
            SELECT TOP (@Take) Id, NameFi, NameSv, NameEn, RetentionDays
            FROM dbo.Providers
            WHERE Id > @After
            ORDER BY Id
            """,
        Sqlite: """
            SELECT Id, NameFi, NameSv, NameEn, RetentionDays
            FROM Providers
            WHERE Id > @After
            ORDER BY Id
            LIMIT @Take
            """);

    internal const string FindSql = """
        SELECT Id, NameFi, NameSv, NameEn, RetentionDays FROM Providers WHERE Id = @Id
        """;

    internal const string InsertSql = """
        INSERT INTO Providers (Id, NameFi, NameSv, NameEn, RetentionDays, CreatedAt, UpdatedAt)
        VALUES (@Id, @NameFi, @NameSv, @NameEn, @RetentionDays, @Now, @Now)
        """;

    internal const string UpdateSql = """
        UPDATE Providers SET NameFi = @NameFi, NameSv = @NameSv, NameEn = @NameEn, RetentionDays = @RetentionDays, UpdatedAt = @Now
        WHERE Id = @Id
        """;

    internal const string DeleteSql = """
        DELETE FROM Providers WHERE Id = @Id
        """;

    public async Task<IReadOnlyList<ProviderRow>> ListAsync(string? after, int take, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        var rows = await c.QueryAsync<ProviderRow>(new CommandDefinition(db.Sql(ListSql), new { After = after ?? "", Take = take },
            cancellationToken: ct));
        return rows.AsList();
    }

    public async Task<ProviderRow?> FindAsync(string id, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        return await c.QuerySingleOrDefaultAsync<ProviderRow>(new CommandDefinition(FindSql, new { Id = id }, cancellationToken: ct));
    }

    // False when a provider with that id exists already.
    public async Task<bool> InsertAsync(ProviderRow row, CancellationToken ct)
    {
        try
        {
            return await CatalogueWriteAsync(InsertSql, row, ct);
        }
        catch (Exception ex) when (Db.IsUniqueViolation(ex))
        {
            return false;
        }
    }

    public Task<bool> UpdateAsync(ProviderRow row, CancellationToken ct) => CatalogueWriteAsync(UpdateSql, row, ct);

    // Deleted, NotFound, or InUse when services, experts, points or bookings still refer to it.
    public async Task<DeleteOutcome> DeleteAsync(string id, CancellationToken ct)
    {
        try
        {
            return await db.WriteAsync(async scope =>
            {
                if (await scope.ExecuteAsync(DeleteSql, new { Id = id }) != 1)
                {
                    return DeleteOutcome.NotFound;
                }

                scope.CatalogueChanged();
                return DeleteOutcome.Deleted;
            }, ct);
        }
        catch (Exception ex) when (Db.IsForeignKeyViolation(ex))
        {
            return DeleteOutcome.InUse;
        }
    }

    // Names are in the search catalogue: every instance reloads it.
    private Task<bool> CatalogueWriteAsync(string sql, ProviderRow row, CancellationToken ct) =>
        db.WriteAsync(async scope =>
        {
            if (await scope.ExecuteAsync(sql, new { row.Id, row.NameFi, row.NameSv, row.NameEn, row.RetentionDays, scope.Now }) != 1)
            {
                return false;
            }

            scope.CatalogueChanged();
            return true;
        }, ct);

    // The given provider ids that no provider has.
    public async Task<IReadOnlyList<string>> MissingProvidersAsync(IReadOnlyList<string> ids, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        var missing = new List<string>();
        foreach (var id in ids)
        {
            if (await c.ExecuteScalarAsync<int>(new CommandDefinition(ProviderExistsSql, new { Id = id }, cancellationToken: ct)) == 0)
            {
                missing.Add(id);
            }
        }

        return missing;
    }
}
