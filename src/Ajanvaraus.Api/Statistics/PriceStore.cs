using Ajanvaraus.Api.Data;
using Dapper;

namespace Ajanvaraus.Api.Statistics;

// Unit prices and basic parts. Two periods of the same price (type and agency, or point and agency) never overlap:
// the check runs in the insert's own transaction.
internal sealed class PriceStore(Db db, TimeProvider clock)
{
    internal const string OpenEnd = "9999-12-31";

    internal const string ListPricesSql = """
        SELECT Id, TransactionTypeId, ProviderId, ValidFrom, ValidUntil, UnitPriceCents
        FROM TransactionPrices
        WHERE (@TransactionTypeId IS NULL OR TransactionTypeId = @TransactionTypeId)
            AND (@ProviderId IS NULL OR ProviderId IS NULL OR ProviderId = @ProviderId)
        ORDER BY TransactionTypeId, ProviderId, ValidFrom
        """;

    // SQL Server: UPDLOCK, HOLDLOCK keep the range read until the insert commits, so two racing inserts of overlapping
    // periods cannot both find it empty (the second waits, then sees the first).
    internal static readonly DialectSql PriceOverlapSql = new(
        SqlServer: """
            SELECT COUNT(*) FROM dbo.TransactionPrices WITH (UPDLOCK, HOLDLOCK)
            WHERE TransactionTypeId = @TransactionTypeId AND ((ProviderId IS NULL AND @ProviderId IS NULL) OR ProviderId = @ProviderId)
                AND ValidFrom <= @Until AND (ValidUntil IS NULL OR ValidUntil >= @ValidFrom)
            """,
        Sqlite: """
            SELECT COUNT(*) FROM TransactionPrices
            WHERE TransactionTypeId = @TransactionTypeId AND ((ProviderId IS NULL AND @ProviderId IS NULL) OR ProviderId = @ProviderId)
                AND ValidFrom <= @Until AND (ValidUntil IS NULL OR ValidUntil >= @ValidFrom)
            """);

    internal const string InsertPriceSql = """
        INSERT INTO TransactionPrices (Id, TransactionTypeId, ProviderId, ValidFrom, ValidUntil, UnitPriceCents, CreatedAt)
        VALUES (@Id, @TransactionTypeId, @ProviderId, @ValidFrom, @ValidUntil, @UnitPriceCents, @Now)
        """;

    internal const string DeletePriceSql = """
        DELETE FROM TransactionPrices WHERE Id = @Id
        """;

    internal const string ListBasicPartsSql = """
        SELECT Id, ServicePointId, ProviderId, ValidFrom, ValidUntil, MonthlyAmountCents
        FROM BasicParts
        WHERE (@ServicePointId IS NULL OR ServicePointId = @ServicePointId) AND (@ProviderId IS NULL OR ProviderId = @ProviderId)
        ORDER BY ServicePointId, ProviderId, ValidFrom
        """;

    // As PriceOverlapSql.
    internal static readonly DialectSql BasicPartOverlapSql = new(
        SqlServer: """
            SELECT COUNT(*) FROM dbo.BasicParts WITH (UPDLOCK, HOLDLOCK)
            WHERE ServicePointId = @ServicePointId AND ProviderId = @ProviderId
                AND ValidFrom <= @Until AND (ValidUntil IS NULL OR ValidUntil >= @ValidFrom)
            """,
        Sqlite: """
            SELECT COUNT(*) FROM BasicParts
            WHERE ServicePointId = @ServicePointId AND ProviderId = @ProviderId
                AND ValidFrom <= @Until AND (ValidUntil IS NULL OR ValidUntil >= @ValidFrom)
            """);

    internal const string InsertBasicPartSql = """
        INSERT INTO BasicParts (Id, ServicePointId, ProviderId, ValidFrom, ValidUntil, MonthlyAmountCents, CreatedAt)
        VALUES (@Id, @ServicePointId, @ProviderId, @ValidFrom, @ValidUntil, @MonthlyAmountCents, @Now)
        """;

    internal const string DeleteBasicPartSql = """
        DELETE FROM BasicParts WHERE Id = @Id
        """;

    public async Task<IReadOnlyList<PriceRow>> ListPricesAsync(string? typeId, string? providerId, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        return (await c.QueryAsync<PriceRow>(new CommandDefinition(ListPricesSql, new { TransactionTypeId = typeId, ProviderId = providerId },
            cancellationToken: ct))).AsList();
    }

    public async Task<IReadOnlyList<BasicPartRow>> ListBasicPartsAsync(string? pointId, string? providerId, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        return (await c.QueryAsync<BasicPartRow>(new CommandDefinition(ListBasicPartsSql, new
        {
            ServicePointId = pointId, ProviderId = providerId,
        }, cancellationToken: ct))).AsList();
    }

    public Task<PriceWrite> InsertPriceAsync(PriceRow row, CancellationToken ct) => InsertAsync(db.Sql(PriceOverlapSql), InsertPriceSql,
        new
        {
            row.Id, row.TransactionTypeId, row.ProviderId, row.ValidFrom, row.ValidUntil, row.UnitPriceCents, Until = Until(row.ValidUntil),
            Now = clock.GetUtcNow(),
        }, ct);

    public Task<PriceWrite> InsertBasicPartAsync(BasicPartRow row, CancellationToken ct) => InsertAsync(db.Sql(BasicPartOverlapSql),
        InsertBasicPartSql, new
        {
            row.Id, row.ServicePointId, row.ProviderId, row.ValidFrom, row.ValidUntil, row.MonthlyAmountCents,
            Until = Until(row.ValidUntil), Now = clock.GetUtcNow(),
        }, ct);

    public Task<bool> DeletePriceAsync(Guid id, CancellationToken ct) => DeleteAsync(DeletePriceSql, id, ct);

    public Task<bool> DeleteBasicPartAsync(Guid id, CancellationToken ct) => DeleteAsync(DeleteBasicPartSql, id, ct);

    private static DateOnly Until(DateOnly? validUntil) => validUntil ?? DateOnly.Parse(OpenEnd, System.Globalization.CultureInfo.InvariantCulture);

    private async Task<PriceWrite> InsertAsync(string overlapSql, string insertSql, object args, CancellationToken ct)
    {
        try
        {
            return await db.WriteAsync(async scope =>
            {
                if (await scope.ScalarAsync<long>(overlapSql, args) > 0)
                {
                    return PriceWrite.Overlaps;
                }

                await scope.ExecuteAsync(insertSql, args);
                return PriceWrite.Done;
            }, ct);
        }
        catch (Exception ex) when (Db.IsForeignKeyViolation(ex))
        {
            return PriceWrite.UnknownReference;
        }
    }

    private async Task<bool> DeleteAsync(string sql, Guid id, CancellationToken ct) =>
        await db.WriteAsync(scope => scope.ExecuteAsync(sql, new { Id = id }), ct) == 1;
}
