using System.Data.Common;
using System.Text.Json;
using Ajanvaraus.Api.Data;
using Dapper;

namespace Ajanvaraus.Api.Bookings;

internal enum WriteStatus
{
    Done,
    Taken,
    Replayed,
    KeyReused,
    InProgress,
}

/// <summary>How a booking write ended: done (with the row), lost the race, or answered from an earlier request.</summary>
internal sealed record BookingWrite(WriteStatus Status, BookingRow? Row = null, IdempotentReplay? Replay = null);

/// <summary>Bookings and their history. Every change is one short transaction with its booked units.</summary>
internal sealed class BookingStore(Db db, TimeProvider clock)
{
    internal const string Columns = """
        Id, Reference, ProviderId, ServiceId, ExpertId, ServicePointId, VideoRoomId, Channel, StartsAt, EndsAt, Status,
        CustomerName, CustomerEmail, CustomerPhone, CustomerLanguage, Notes, MeetingUrl, ManageTokenHash, Sequence,
        MadeByKind, MadeById, CreatedAt, UpdatedAt
        """;

    internal const string InsertSql = $"""
        INSERT INTO Bookings ({Columns})
        VALUES (@Id, @Reference, @ProviderId, @ServiceId, @ExpertId, @ServicePointId, @VideoRoomId, @Channel, @StartsAt, @EndsAt, @Status,
                @CustomerName, @CustomerEmail, @CustomerPhone, @CustomerLanguage, @Notes, @MeetingUrl, @ManageTokenHash, @Sequence,
                @MadeByKind, @MadeById, @CreatedAt, @UpdatedAt)
        """;

    internal const string FindSql = $"""
        SELECT {Columns} FROM Bookings WHERE Id = @Id
        """;

    internal const string InsertHistorySql = """
        INSERT INTO BookingHistory (Id, BookingId, OccurredAt, Action, ActorKind, ActorId, OnBehalfOf, Change)
        VALUES (@Id, @BookingId, @OccurredAt, @Action, @ActorKind, @ActorId, NULL, @Change)
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

    public async Task<BookingRow?> FindAsync(Guid id, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        return await c.QuerySingleOrDefaultAsync<BookingRow>(new CommandDefinition(FindSql, new { Id = id }, cancellationToken: ct));
    }

    /// <summary>
    /// Writes the booking, its units (taking over the hold's, if any) and its first history line in one transaction,
    /// and records the answer under the Idempotency-Key in the same transaction.
    /// </summary>
    public async Task<BookingWrite> CreateAsync(
        BookingRow row, Reservation reservation, Guid? holdId, IdempotentRequest? idempotent, Func<BookingRow, (string Location, string Body)> answer, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var c = await db.OpenAsync(ct);
        await using (var tx = await db.BeginWriteAsync(c, ct))
        {
            try
            {
                if (idempotent is not null)
                {
                    await IdempotencyLedger.ClaimAsync(c, tx, idempotent, now, ct);
                }

                if (holdId is { } hold)
                {
                    await UnitLedger.FreeHoldAsync(c, tx, hold, ct);
                    await c.ExecuteAsync(new CommandDefinition(HoldStore.DeleteSql, new { Id = hold }, tx, cancellationToken: ct));
                }

                var room = await UnitLedger.TakeAsync(db, c, tx, reservation, row.Id, null, null, now, ct);
                row = row with { VideoRoomId = room };
                await c.ExecuteAsync(new CommandDefinition(InsertSql, row, tx, cancellationToken: ct));
                await HistoryAsync(c, tx, row.Id, "created", new Actor(row.MadeByKind, row.MadeById), null, Snapshot(row), now, ct);
                if (idempotent is not null)
                {
                    var (location, body) = answer(row);
                    await IdempotencyLedger.RecordAsync(c, tx, idempotent, StatusCodes.Status201Created, location, body, ct);
                }

                await tx.CommitAsync(ct);
                return new BookingWrite(WriteStatus.Done, row);
            }
            catch (Exception ex) when (UnitLedger.IsTaken(ex) || (idempotent is not null && Db.IsUniqueViolation(ex)))
            {
                await tx.RollbackAsync(ct);
            }
        }

        // Lost a race: for the key (replay the first answer) or for the time (409).
        if (idempotent is not null && await IdempotencyLedger.FindAsync(c, idempotent, now, ct) is { } replay)
        {
            return new BookingWrite(!replay.SameRequest ? WriteStatus.KeyReused : replay.Body is null ? WriteStatus.InProgress : WriteStatus.Replayed, Replay: replay);
        }

        return new BookingWrite(WriteStatus.Taken);
    }

    /// <summary>The earlier answer to this key, if any, before doing anything.</summary>
    public async Task<IdempotentReplay?> ReplayAsync(IdempotentRequest request, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        return await IdempotencyLedger.FindAsync(c, request, clock.GetUtcNow(), ct);
    }

    /// <summary>Cancels a confirmed booking and frees its time; false when it was not confirmed.</summary>
    public async Task<BookingRow?> CancelAsync(BookingRow row, Actor actor, string? reason, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var c = await db.OpenAsync(ct);
        await using var tx = await db.BeginWriteAsync(c, ct);
        if (await c.ExecuteAsync(new CommandDefinition(CancelSql, new { row.Id, Now = now }, tx, cancellationToken: ct)) != 1)
        {
            return null;
        }

        await UnitLedger.FreeBookingAsync(c, tx, row.Id, ct);
        var cancelled = row with { Status = "cancelled", Sequence = row.Sequence + 1, UpdatedAt = now };
        await HistoryAsync(c, tx, row.Id, "cancelled", actor, Snapshot(row), new { status = "cancelled", reason }, now, ct);
        await tx.CommitAsync(ct);
        return cancelled;
    }

    /// <summary>
    /// Moves a confirmed booking: the old units are freed and the new taken in one transaction, so when the new
    /// time is taken nothing changes. Null when the booking is no longer confirmed.
    /// </summary>
    public async Task<BookingWrite> MoveAsync(BookingRow row, BookingRow moved, Reservation reservation, Actor actor, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var c = await db.OpenAsync(ct);
        await using var tx = await db.BeginWriteAsync(c, ct);
        try
        {
            await UnitLedger.FreeBookingAsync(c, tx, row.Id, ct);
            var room = await UnitLedger.TakeAsync(db, c, tx, reservation, row.Id, null, null, now, ct);
            moved = moved with { VideoRoomId = room, Sequence = row.Sequence + 1, UpdatedAt = now };
            if (await c.ExecuteAsync(new CommandDefinition(MoveSql, new { moved.Id, moved.ExpertId, moved.StartsAt, moved.EndsAt, moved.Channel, moved.ServicePointId, moved.VideoRoomId, moved.MeetingUrl, Now = now }, tx, cancellationToken: ct)) != 1)
            {
                await tx.RollbackAsync(ct);
                return new BookingWrite(WriteStatus.Taken);
            }

            await HistoryAsync(c, tx, row.Id, "rescheduled", actor, Snapshot(row), Snapshot(moved), now, ct);
            await tx.CommitAsync(ct);
            return new BookingWrite(WriteStatus.Done, moved);
        }
        catch (Exception ex) when (UnitLedger.IsTaken(ex))
        {
            await tx.RollbackAsync(ct);
            return new BookingWrite(WriteStatus.Taken);
        }
    }

    private static Task HistoryAsync(DbConnection c, DbTransaction tx, Guid bookingId, string action, Actor actor, object? from, object? to, DateTimeOffset now, CancellationToken ct) =>
        c.ExecuteAsync(new CommandDefinition(InsertHistorySql, new
        {
            Id = Guid.CreateVersion7(),
            BookingId = bookingId,
            OccurredAt = now,
            Action = action,
            ActorKind = actor.Kind,
            ActorId = actor.Id,
            Change = JsonSerializer.Serialize(new { from, to }, JsonSerializerOptions.Web),
        }, tx, cancellationToken: ct));

    private static object Snapshot(BookingRow row) => new
    {
        status = row.Status,
        expertId = row.ExpertId,
        start = row.StartsAt,
        end = row.EndsAt,
        channel = row.Channel,
        servicePointId = row.ServicePointId,
    };
}
