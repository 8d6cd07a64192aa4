using Ajanvaraus.Api.Advisers;
using Ajanvaraus.Api.Data;
using Microsoft.Extensions.Options;

namespace Ajanvaraus.Api.Bookings;

// How a check-in, no-show or completion ended: the booking after it, or as it is with the reason it was refused.
internal sealed record StatusChange(BookingRow Row, BookingTransitions.Refusal? Refusal);

// Check-in, no-show and completion: the booking's row is locked, the walk judged on what it is now, then changed with
// its history line in one transaction. Units stay: a no-show's time was lost and is not offered again.
internal sealed class BookingStatusStore(Db db, IOptions<AdviserOptions> options)
{
    internal const string SetStatusSql = """
        UPDATE Bookings SET Status = @Status, CheckedInAt = @CheckedInAt, Sequence = Sequence + 1, UpdatedAt = @Now WHERE Id = @Id
        """;

    public Task<StatusChange> SetAsync(Guid id, BookingStatus to, Actor actor, string? reason, CancellationToken ct)
    {
        return db.WriteAsync(async scope =>
        {
            var now = scope.Now;
            var row = (await scope.SingleOrDefaultAsync<BookingRow>(scope.Sql(BookingStore.LockSql), new { Id = id }))!;
            if (BookingTransitions.Check(row, to, actor, now, options.Value) is { } refusal)
            {
                return new StatusChange(row, refusal);
            }

            var changed = row with
            {
                Status = BookingRow.StatusName(to),
                CheckedInAt = to == BookingStatus.CheckedIn ? now : row.CheckedInAt,
                Sequence = row.Sequence + 1,
                UpdatedAt = now,
            };
            await scope.ExecuteAsync(SetStatusSql, new { changed.Id, changed.Status, changed.CheckedInAt, Now = now });
            var action = BookingRow.StatusName(to);
            await BookingHistory.WriteAsync(scope, new HistoryEntry(id, action, actor, reason, BookingStore.Snapshot(row),
                BookingStore.Snapshot(changed)));
            return new StatusChange(changed, null);
        }, ct);
    }
}
