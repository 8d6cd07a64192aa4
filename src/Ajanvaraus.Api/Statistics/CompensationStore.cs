using Ajanvaraus.Api.Data;
using Dapper;

namespace Ajanvaraus.Api.Statistics;

// Transactions of one day, agency and type at a point: walk-ins and completed bookings (type `appointment`).
internal sealed record DayCount
{
    public string ProviderId { get; init; } = "";
    public string TransactionTypeId { get; init; } = "";
    public DateOnly Day { get; init; }
    public long Count { get; init; }
}

internal sealed record CompensationInputs(
    IReadOnlyList<DayCount> Counts, IReadOnlyList<PriceRow> Prices, IReadOnlyList<BasicPartRow> BasicParts,
    IReadOnlyList<TransactionTypeRow> Types, IReadOnlyDictionary<string, string[]> ProviderNames);

internal sealed class CompensationStore(Db db)
{
    private static string Counts(string localDate, string tail, Func<string, string>? join = null) => $"""
        SELECT ProviderId, TransactionTypeId, Day, COUNT(*) AS Count
        FROM (
            SELECT e.ProviderId, e.TransactionTypeId, {localDate.Replace("@col", "e.OccurredAt", StringComparison.Ordinal)} AS Day
            FROM ServiceEvents e{join?.Invoke("e.OccurredAt")}
            WHERE e.ServicePointId = @ServicePointId AND e.OccurredAt >= @From AND e.OccurredAt < @To
                AND (@ProviderId IS NULL OR e.ProviderId = @ProviderId)
            UNION ALL
            SELECT b.ProviderId, 'appointment', {localDate.Replace("@col", "b.StartsAt", StringComparison.Ordinal)}
            FROM Bookings b{join?.Invoke("b.StartsAt")}
            WHERE b.ServicePointId = @ServicePointId AND b.StartsAt >= @From AND b.StartsAt < @To AND b.Status = 'completed'
                AND (@ProviderId IS NULL OR b.ProviderId = @ProviderId)
        ) x
        GROUP BY ProviderId, TransactionTypeId, Day{tail}
        """;

    // Local Finnish days, as the statistics (StatisticsSql): on SQL Server from the days' UTC boundaries (LocalPeriods).
    internal static readonly DialectSql CountsSql = new(
        SqlServer: LocalPeriods.SqlServerBounds
            + Counts("CAST(pb.Period AS date)", "\nOPTION (RECOMPILE)", c => LocalPeriods.SqlServerJoin(c)),
        Sqlite: Counts(StatisticsSql.SqliteLocalDate("@col"), ""));

    internal const string PricesSql = """
        SELECT Id, TransactionTypeId, ProviderId, ValidFrom, ValidUntil, UnitPriceCents
        FROM TransactionPrices
        WHERE ValidFrom <= @Last AND (ValidUntil IS NULL OR ValidUntil >= @First)
        """;

    internal const string BasicPartsSql = """
        SELECT Id, ServicePointId, ProviderId, ValidFrom, ValidUntil, MonthlyAmountCents
        FROM BasicParts
        WHERE ServicePointId = @ServicePointId AND ValidFrom <= @Last AND (ValidUntil IS NULL OR ValidUntil >= @First)
            AND (@ProviderId IS NULL OR ProviderId = @ProviderId)
        """;

    internal const string TypesSql = """
        SELECT Id, ProviderId, NameFi, NameSv, NameEn FROM TransactionTypes
        """;

    internal const string ProviderNamesSql = """
        SELECT Id, NameFi, NameSv, NameEn FROM Providers
        """;

    public async Task<CompensationInputs> ReadAsync(string pointId, string? providerId, DateOnly first, DateOnly last, DateTimeOffset from,
        DateTimeOffset to, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        var args = new { ServicePointId = pointId, ProviderId = providerId, First = first, Last = last, From = from, To = to,
            Periods = LocalPeriods.Days(from, to) };
        var counts = (await c.QueryAsync<DayCount>(new CommandDefinition(db.Sql(CountsSql), args, cancellationToken: ct))).AsList();
        var prices = (await c.QueryAsync<PriceRow>(new CommandDefinition(PricesSql, args, cancellationToken: ct))).AsList();
        var parts = (await c.QueryAsync<BasicPartRow>(new CommandDefinition(BasicPartsSql, args, cancellationToken: ct))).AsList();
        var types = (await c.QueryAsync<TransactionTypeRow>(new CommandDefinition(TypesSql, cancellationToken: ct))).AsList();
        var names = (await c.QueryAsync<(string Id, string Fi, string Sv, string En)>(new CommandDefinition(ProviderNamesSql,
            cancellationToken: ct))).ToDictionary(n => n.Id, n => new[] { n.Fi, n.Sv, n.En });
        return new CompensationInputs(counts, prices, parts, types, names);
    }
}
