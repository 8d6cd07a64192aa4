using System.Data.Common;
using System.Text.Json;
using Ajanvaraus.Api.Data;
using Ajanvaraus.Api.Notifications;
using Dapper;

namespace Ajanvaraus.Api.Bookings;

// How a new booking ended: written, answered from an earlier request with the same key, or neither (the time is taken).
internal sealed record BookingWrite(BookingRow? Created, IdempotentReplay? Replay);

internal enum ChangeOutcome
{
    Done,
    Taken,
    NotConfirmed,
    ChangedMeanwhile,
}

// How a cancel or move ended; Row is the changed booking, or as it is now when nothing changed.
internal sealed record BookingChange(ChangeOutcome Outcome, BookingRow? Row);

// Bookings and their history. Every change is one short transaction through Db.WriteAsync with its booked units, and
// takes the booking's row before its units (the order every writer keeps, so they queue rather than deadlock).
internal sealed class BookingStore(Db db, BookingHistory history, TimeProvider clock, Outbox outbox)
{
    internal const string Columns = """
        Id, Reference, ProviderId, ServiceId, ExpertId, ServicePointId, VideoRoomId, Channel, StartsAt, EndsAt, Status,
        CustomerName, CustomerEmail, CustomerPhone, CustomerLanguage, Notes, MeetingUrl, ManageTokenHash, Sequence,
        MadeByKind, MadeById, CreatedAt, UpdatedAt, CheckedInAt
        """;

    internal const string InsertSql = $"""
        INSERT INTO Bookings ({Columns})
        VALUES (@Id, @Reference, @ProviderId, @ServiceId, @ExpertId, @ServicePointId, @VideoRoomId, @Channel, @StartsAt, @EndsAt, @Status,
                @CustomerName, @CustomerEmail, @CustomerPhone, @CustomerLanguage, @Notes, @MeetingUrl, @ManageTokenHash, @Sequence,
                @MadeByKind, @MadeById, @CreatedAt, @UpdatedAt, @CheckedInAt)
        """;

    internal const string FindSql = $"""
        SELECT {Columns} FROM Bookings WHERE Id = @Id
        """;

    // The row a change is about, locked first: UPDLOCK makes a concurrent cancel and move of one booking queue here
    // (under READ_COMMITTED_SNAPSHOT a plain read would not wait and both would go on to the units). SQLite: the
    // transaction already holds the database's write lock.
    internal static readonly DialectSql LockSql = new(
        SqlServer: $"""
            SELECT {Columns} FROM dbo.Bookings WITH (UPDLOCK, ROWLOCK) WHERE Id = @Id
            """,
        Sqlite: FindSql);

    internal const string FindViewSql = """
        SELECT b.Id, b.Reference, b.ProviderId, b.ServiceId, b.ExpertId, b.ServicePointId, b.VideoRoomId, b.Channel, b.StartsAt,
               b.EndsAt, b.Status, b.CustomerName, b.CustomerEmail, b.CustomerPhone, b.CustomerLanguage, b.Notes, b.MeetingUrl,
               b.ManageTokenHash, b.Sequence, b.MadeByKind, b.MadeById, b.CreatedAt, b.UpdatedAt, b.CheckedInAt,
               s.NameFi AS ServiceNameFi, s.NameSv AS ServiceNameSv, s.NameEn AS ServiceNameEn,
               p.NameFi AS ProviderNameFi, p.NameSv AS ProviderNameSv, p.NameEn AS ProviderNameEn, e.DisplayName AS ExpertName,
               sp.NameFi AS PointNameFi, sp.NameSv AS PointNameSv, sp.NameEn AS PointNameEn,
               sp.StreetAddress, sp.PostalCode, sp.PostOffice, sp.TimeZone
        FROM Bookings b
        JOIN Services s ON s.Id = b.ServiceId
        JOIN Providers p ON p.Id = b.ProviderId
        JOIN Experts e ON e.Id = b.ExpertId
        LEFT JOIN ServicePoints sp ON sp.Id = b.ServicePointId
        WHERE b.Id = @Id
        """;

    internal const string CancelSql = """
        UPDATE Bookings SET Status = 'cancelled', Sequence = Sequence + 1, UpdatedAt = @Now
        WHERE Id = @Id AND Status = 'confirmed'
        """;

    internal const string MoveSql = """
        UPDATE Bookings
        SET ExpertId = @ExpertId, StartsAt = @StartsAt, EndsAt = @EndsAt, Channel = @Channel, ServicePointId = @ServicePointId,
            VideoRoomId = @VideoRoomId, MeetingUrl = @MeetingUrl, Sequence = Sequence + 1, UpdatedAt = @Now
        WHERE Id = @Id AND Status = 'confirmed'
        """;

    public Guid NewId() => db.NewId();

    public async Task<BookingRow?> FindAsync(Guid id, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        return await c.QuerySingleOrDefaultAsync<BookingRow>(new CommandDefinition(FindSql, new { Id = id }, cancellationToken: ct));
    }

    public async Task<BookingView?> FindViewAsync(Guid id, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        var rows = await c.QueryAsync<BookingRow, BookingNames, BookingView>(
            new CommandDefinition(FindViewSql, new { Id = id }, cancellationToken: ct), (b, n) => new BookingView(b, n),
                splitOn: "ServiceNameFi");
        return rows.SingleOrDefault();
    }

    // Writes the booking, its units (taking over the hold's, if any) and its first history line in one transaction,
    // and records the key in the same transaction. Losing the key's race replays; losing the time's race is "taken".
    public async Task<BookingWrite> CreateAsync(
        BookingRow row, Actor madeBy, Reservation reservation, HoldRow? hold, IdempotentRequest idempotent, string manageToken,
            CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var sealedToken = outbox.Seal(manageToken);
        try
        {
            var created = await db.WriteAsync(async (c, tx) =>
            {
                await IdempotencyLedger.ClaimAsync(c, tx, idempotent, now, ct);
                if (hold is not null)
                {
                    await HoldStore.DeleteAsync(c, tx, hold, now, ct);
                }

                var written = row with { VideoRoomId = await UnitLedger.TakeAsync(db, c, tx, reservation, UnitOwner.Booking(row.Id), now,
                    ct) };
                await c.ExecuteAsync(new CommandDefinition(InsertSql, written, tx, cancellationToken: ct));
                await history.WriteAsync(c, tx, new HistoryEntry(written.Id, "created", madeBy, null, null, Snapshot(written)), now, ct);
                await IdempotencyLedger.RecordAsync(c, tx, idempotent, written.Id, manageToken, ct);
                await outbox.WriteForAsync(c, tx, written, MessageKinds.Confirmation, now, ct, sealedToken);
                return written;
            }, ct);
            outbox.Kick(created.Id);
            return new BookingWrite(created, null);
        }
        catch (Exception ex) when (UnitLedger.IsTaken(ex))
        {
            // The key's unique violation too: then the first request's answer is there to replay.
            return new BookingWrite(null, await ReplayAsync(idempotent, ct));
        }
    }

    // The earlier answer to this key, if any.
    public async Task<IdempotentReplay?> ReplayAsync(IdempotentRequest request, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        return await IdempotencyLedger.FindAsync(c, request, clock.GetUtcNow(), ct);
    }

    // Cancels a confirmed booking, as the caller saw it (its Sequence), and frees its time.
    public async Task<BookingChange> CancelAsync(BookingRow seen, Actor actor, string? reason, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var id = seen.Id;
        var change = await db.WriteAsync(async (c, tx) =>
        {
            var row = await LockAsync(c, tx, id, ct);
            if (Unchangeable(row, seen) is { } refused)
            {
                return refused;
            }

            await c.ExecuteAsync(new CommandDefinition(CancelSql, new { Id = id, Now = now }, tx, cancellationToken: ct));
            await UnitLedger.FreeAsync(c, tx, UnitOwner.Booking(id), row.ExpertId, row.VideoRoomId, row.StartsAt, row.EndsAt, now, ct);
            var cancelled = row with { Status = "cancelled", Sequence = row.Sequence + 1, UpdatedAt = now };
            await history.WriteAsync(c, tx, new HistoryEntry(id, "cancelled", actor, reason, Snapshot(row), Snapshot(cancelled)), now, ct);
            await outbox.WriteForAsync(c, tx, cancelled, MessageKinds.Cancellation, now, ct);
            return new BookingChange(ChangeOutcome.Done, cancelled);
        }, ct);
        Kick(change);
        return change;
    }

    // Moves a confirmed booking: the old units are freed and the new taken in one transaction, so when the new time is
    // taken nothing changes. `moved` is the booking as the caller saw it with the new expert, time, channel, place and link.
    public async Task<BookingChange> MoveAsync(BookingRow moved, Reservation reservation, Actor actor, string? reason, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        try
        {
            var change = await db.WriteAsync(async (c, tx) =>
            {
                var row = await LockAsync(c, tx, moved.Id, ct);
                if (Unchangeable(row, moved) is { } refused)
                {
                    return refused;
                }

                await UnitLedger.FreeAsync(c, tx, UnitOwner.Booking(row.Id), row.ExpertId, row.VideoRoomId, row.StartsAt, row.EndsAt, now, ct);
                var room = await UnitLedger.TakeAsync(db, c, tx, reservation, UnitOwner.Booking(row.Id), now, ct);
                var done = row with
                {
                    ExpertId = moved.ExpertId, StartsAt = moved.StartsAt, EndsAt = moved.EndsAt, Channel = moved.Channel,
                    ServicePointId = moved.ServicePointId, VideoRoomId = room, MeetingUrl = moved.MeetingUrl,
                    Sequence = row.Sequence + 1, UpdatedAt = now,
                };
                await c.ExecuteAsync(new CommandDefinition(MoveSql, new
                {
                    done.Id, done.ExpertId, done.StartsAt, done.EndsAt, done.Channel, done.ServicePointId, done.VideoRoomId,
                        done.MeetingUrl, Now = now,
                }, tx, cancellationToken: ct));
                await history.WriteAsync(c, tx, new HistoryEntry(row.Id, "rescheduled", actor, reason, Snapshot(row), Snapshot(done)), now,
                    ct);
                await outbox.WriteForAsync(c, tx, done, MessageKinds.Change, now, ct);
                return new BookingChange(ChangeOutcome.Done, done);
            }, ct);
            Kick(change);
            return change;
        }
        catch (Exception ex) when (UnitLedger.IsTaken(ex))
        {
            return new BookingChange(ChangeOutcome.Taken, null);
        }
    }

    // A change applies to the booking as its caller saw it: of two racing changes (an adviser's move, a citizen's
    // cancel) the second is told what happened instead of silently applying on top of the first.
    private static BookingChange? Unchangeable(BookingRow current, BookingRow seen) =>
        current.StatusValue != BookingStatus.Confirmed ? new BookingChange(ChangeOutcome.NotConfirmed, current)
        : current.Sequence != seen.Sequence ? new BookingChange(ChangeOutcome.ChangedMeanwhile, current)
        : null;

    // After the commit: the change's messages go out now rather than at the next recurring dispatch.
    private void Kick(BookingChange change)
    {
        if (change.Outcome == ChangeOutcome.Done)
        {
            outbox.Kick(change.Row!.Id);
        }
    }

    private async Task<BookingRow> LockAsync(DbConnection c, DbTransaction tx, Guid id, CancellationToken ct) =>
        await c.QuerySingleAsync<BookingRow>(new CommandDefinition(db.Sql(LockSql), new { Id = id }, tx, cancellationToken: ct));

    internal static object Snapshot(BookingRow row) => new
    {
        status = row.Status,
        expertId = row.ExpertId,
        start = row.StartsAt,
        end = row.EndsAt,
        channel = row.Channel,
        servicePointId = row.ServicePointId,
    };
}
