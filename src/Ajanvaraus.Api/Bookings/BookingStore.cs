using Ajanvaraus.Api.Availability;
using Ajanvaraus.Api.Data;
using Ajanvaraus.Api.Notifications;
using Dapper;

namespace Ajanvaraus.Api.Bookings;

internal enum WriteOutcome
{
    Done,
    Taken,
    NotBookable,
    KeyUsed,
    NotConfirmed,
    ChangedMeanwhile,
}

// How a new booking ended: written, its key used before (replay it), the expert not bookable then (Reason), or taken.
internal sealed record BookingWrite(WriteOutcome Outcome, BookingRow? Row = null, NotBookable? Reason = null);

// How a cancel or move ended; Row is the changed booking, or as it is now when nothing changed.
internal sealed record BookingChange(WriteOutcome Outcome, BookingRow? Row, NotBookable? Reason = null);

// Bookings and their history. Every change is one short transaction through Db.WriteAsync with its booked units, and
// takes the booking's row before its units (the order every writer keeps, so they queue rather than deadlock).
internal sealed class BookingStore(Db db, TimeProvider clock, Outbox outbox)
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
               sp.StreetAddress, sp.PostalCode, sp.PostOffice, sp.TimeZone,
               s.InstructionsFi, s.InstructionsSv, s.InstructionsEn
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

    // Writes the booking, its units (taking over the hold's, if any) and its first history line in one transaction, and
    // records the key in the same transaction. The key is claimed first: a key used before is a replay. The expert's
    // windows are judged inside the write; `build` makes the row from the judged slot.
    public async Task<BookingWrite> CreateAsync(BookingTarget target, Guid expert, Func<BookableSlot, DateTimeOffset, BookingRow> build,
        Actor madeBy, IdempotentRequest idempotent, string manageToken, string? sealedToken, CancellationToken ct)
    {
        try
        {
            return await db.WriteAsync(async scope =>
            {
                if (!await IdempotencyLedger.TryClaimAsync(scope, idempotent))
                {
                    scope.Discard();
                    return new BookingWrite(WriteOutcome.KeyUsed);
                }

                var match = await SlotFinder.JudgeAsync(scope, target.Time!, expert, target.Rooms);
                if (match.Found is not { } bookable)
                {
                    scope.Discard();
                    return new BookingWrite(WriteOutcome.NotBookable, Reason: match.Reason);
                }

                if (target.Hold is { } hold)
                {
                    await HoldStore.DeleteAsync(scope, hold);
                }

                var row = build(bookable, scope.Now);
                var reservation = new Reservation(row.ExpertId, row.StartsAt, row.EndsAt, bookable.Rooms);
                var written = row with { VideoRoomId = await UnitLedger.TakeAsync(scope, reservation, UnitOwner.Booking(row.Id)) };
                await scope.ExecuteAsync(InsertSql, written);
                await BookingHistory.WriteAsync(scope, new HistoryEntry(written.Id, "created", madeBy, null, null, Snapshot(written)));
                await IdempotencyLedger.RecordAsync(scope, idempotent, written.Id, manageToken);
                await outbox.WriteForAsync(scope, written, MessageKinds.Confirmation, sealedToken);
                return new BookingWrite(WriteOutcome.Done, written);
            }, ct);
        }
        catch (Exception ex) when (UnitLedger.IsTaken(ex))
        {
            return new BookingWrite(WriteOutcome.Taken);
        }
    }

    // The earlier answer to this key, if any.
    public async Task<IdempotentReplay?> ReplayAsync(IdempotentRequest request, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        return await IdempotencyLedger.FindAsync(c, request, clock.GetUtcNow(), ct);
    }

    // Cancels a confirmed booking, as the caller saw it (its Sequence), and frees its time.
    public Task<BookingChange> CancelAsync(BookingRow seen, Actor actor, string? reason, CancellationToken ct) =>
        db.WriteAsync(async scope =>
        {
            var row = await LockAsync(scope, seen.Id);
            if (Unchangeable(row, seen) is { } refused)
            {
                return refused;
            }

            await scope.ExecuteAsync(CancelSql, new { row.Id, scope.Now });
            await UnitLedger.FreeAsync(scope, UnitOwner.Booking(row.Id), row.ExpertId, row.VideoRoomId, row.StartsAt, row.EndsAt);
            var cancelled = row with { Status = "cancelled", Sequence = row.Sequence + 1, UpdatedAt = scope.Now };
            await BookingHistory.WriteAsync(scope,
                new HistoryEntry(row.Id, "cancelled", actor, reason, Snapshot(row), Snapshot(cancelled)));
            await outbox.WriteForAsync(scope, cancelled, MessageKinds.Cancellation);
            return new BookingChange(WriteOutcome.Done, cancelled);
        }, ct);

    // Moves a confirmed booking: the old units are freed and the new taken in one transaction, so when the new time is
    // taken nothing changes. The new expert's windows are judged inside the write; `moved` is the booking as the caller
    // saw it with the judged slot's expert, time, channel, place and link.
    // Lock order: the booking's row, then experts' units (the old freed, the new taken), then rooms'.
    public async Task<BookingChange> MoveAsync(BookingRow seen, BookingTarget target, Guid expert, Func<Slot, BookingRow> moved,
        Actor actor, string? reason, CancellationToken ct)
    {
        try
        {
            return await db.WriteAsync(async scope =>
            {
                var row = await LockAsync(scope, seen.Id);
                if (Unchangeable(row, seen) is { } refused)
                {
                    return refused;
                }

                await UnitLedger.FreeAsync(scope, UnitOwner.Booking(row.Id), row.ExpertId, row.VideoRoomId, row.StartsAt, row.EndsAt);
                var match = await SlotFinder.JudgeAsync(scope, target.Time!, expert, target.Rooms);
                if (match.Found is not { } bookable)
                {
                    scope.Discard();
                    return new BookingChange(WriteOutcome.NotBookable, row, match.Reason);
                }

                var to = moved(bookable.Slot);
                var room = await UnitLedger.TakeAsync(scope, new Reservation(to.ExpertId, to.StartsAt, to.EndsAt, bookable.Rooms),
                    UnitOwner.Booking(row.Id));
                var done = row with
                {
                    ExpertId = to.ExpertId, StartsAt = to.StartsAt, EndsAt = to.EndsAt, Channel = to.Channel,
                    ServicePointId = to.ServicePointId, VideoRoomId = room, MeetingUrl = to.MeetingUrl,
                    Sequence = row.Sequence + 1, UpdatedAt = scope.Now,
                };
                await scope.ExecuteAsync(MoveSql, new
                {
                    done.Id, done.ExpertId, done.StartsAt, done.EndsAt, done.Channel, done.ServicePointId, done.VideoRoomId,
                        done.MeetingUrl, scope.Now,
                });
                await BookingHistory.WriteAsync(scope,
                    new HistoryEntry(row.Id, "rescheduled", actor, reason, Snapshot(row), Snapshot(done)));
                await outbox.WriteForAsync(scope, done, MessageKinds.Change, previous: row);
                return new BookingChange(WriteOutcome.Done, done);
            }, ct);
        }
        catch (Exception ex) when (UnitLedger.IsTaken(ex))
        {
            return new BookingChange(WriteOutcome.Taken, null);
        }
    }

    // A change applies to the booking as its caller saw it: of two racing changes (an adviser's move, a citizen's
    // cancel) the second is told what happened instead of silently applying on top of the first.
    private static BookingChange? Unchangeable(BookingRow current, BookingRow seen) =>
        current.StatusValue != BookingStatus.Confirmed ? new BookingChange(WriteOutcome.NotConfirmed, current)
        : current.Sequence != seen.Sequence ? new BookingChange(WriteOutcome.ChangedMeanwhile, current)
        : null;

    private static async Task<BookingRow> LockAsync(WriteScope scope, Guid id) =>
        (await scope.SingleOrDefaultAsync<BookingRow>(scope.Sql(LockSql), new { Id = id }))!;

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
