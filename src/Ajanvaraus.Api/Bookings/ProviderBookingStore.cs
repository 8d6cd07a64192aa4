using Ajanvaraus.Api.Data;
using Dapper;

namespace Ajanvaraus.Api.Bookings;

/// <summary>An agency's view of its bookings: by start time, keyset-paged on (StartsAt, Id).</summary>
internal sealed class ProviderBookingStore(Db db)
{
    internal static readonly DialectSql ListSql = new(
        SqlServer: $"""
            SELECT TOP (@Take) {BookingStore.Columns}
            FROM dbo.Bookings
            WHERE ProviderId = @ProviderId AND StartsAt >= @From AND StartsAt < @To
              AND (@ServicePointId IS NULL OR ServicePointId = @ServicePointId)
              AND (@ExpertId IS NULL OR ExpertId = @ExpertId)
              AND (@Status IS NULL OR Status = @Status)
              AND (@AfterStart IS NULL OR StartsAt > @AfterStart OR (StartsAt = @AfterStart AND Id > @AfterId))
            ORDER BY StartsAt, Id
            """,
        Sqlite: $"""
            SELECT {BookingStore.Columns}
            FROM Bookings
            WHERE ProviderId = @ProviderId AND StartsAt >= @From AND StartsAt < @To
              AND (@ServicePointId IS NULL OR ServicePointId = @ServicePointId)
              AND (@ExpertId IS NULL OR ExpertId = @ExpertId)
              AND (@Status IS NULL OR Status = @Status)
              AND (@AfterStart IS NULL OR StartsAt > @AfterStart OR (StartsAt = @AfterStart AND Id > @AfterId))
            ORDER BY StartsAt, Id
            LIMIT @Take
            """);

    public async Task<IReadOnlyList<BookingRow>> ListAsync(ProviderBookingFilter filter, DateTimeOffset? afterStart, Guid? afterId, int take, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        var args = new
        {
            filter.ProviderId, filter.From, filter.To, filter.ServicePointId, filter.ExpertId, filter.Status,
            AfterStart = afterStart, AfterId = afterId, Take = take,
        };
        return (await c.QueryAsync<BookingRow>(new CommandDefinition(db.Sql(ListSql), args, cancellationToken: ct))).AsList();
    }
}
