using Ajanvaraus.Api.Data;
using Dapper;

namespace Ajanvaraus.Api.Bookings;

// An agency's view of its bookings: by start time, keyset-paged on (StartsAt, Id).
internal sealed class ProviderBookingStore(Db db)
{
    // First and later pages are separate texts: SQL Server caches one plan per text, and with `@AfterStart IS NULL OR …`
    // that plan seeks IX_Bookings_Provider (ProviderId, StartsAt; Id rides along as the clustered key) from @From
    // on every page, re-reading all earlier pages. A later page seeks straight to the cursor. The optional filters
    // stay `@X IS NULL OR …`: they are residual predicates on the rows the seek reads, not its range.
    internal static readonly DialectSql FirstPageSql = List("");

    internal static readonly DialectSql NextPageSql = List("AND StartsAt >= @AfterStart AND (StartsAt > @AfterStart OR Id > @AfterId)");

    private static DialectSql List(string keyset) => new(
        SqlServer: $"""
            SELECT TOP (@Take) {BookingStore.Columns}
            FROM dbo.Bookings
            WHERE ProviderId = @ProviderId AND StartsAt >= @From AND StartsAt < @To
              {keyset}
              AND (@ServicePointId IS NULL OR ServicePointId = @ServicePointId)
              AND (@ExpertId IS NULL OR ExpertId = @ExpertId)
              AND (@Status IS NULL OR Status = @Status)
            ORDER BY StartsAt, Id
            """,
        Sqlite: $"""
            SELECT {BookingStore.Columns}
            FROM Bookings
            WHERE ProviderId = @ProviderId AND StartsAt >= @From AND StartsAt < @To
              {keyset}
              AND (@ServicePointId IS NULL OR ServicePointId = @ServicePointId)
              AND (@ExpertId IS NULL OR ExpertId = @ExpertId)
              AND (@Status IS NULL OR Status = @Status)
            ORDER BY StartsAt, Id
            LIMIT @Take
            """);

    public async Task<IReadOnlyList<BookingRow>> ListAsync(ProviderBookingFilter filter, DateTimeOffset? afterStart, Guid? afterId,
        int take, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        var args = new
        {
            filter.ProviderId, filter.From, filter.To, filter.ServicePointId, filter.ExpertId, filter.Status,
            AfterStart = afterStart, AfterId = afterId, Take = take,
        };
        var sql = db.Sql(afterId is null ? FirstPageSql : NextPageSql);
        return (await c.QueryAsync<BookingRow>(new CommandDefinition(sql, args, cancellationToken: ct))).AsList();
    }
}
