using System.Data.Common;
using System.Text.Json;
using Ajanvaraus.Api.Availability;
using Ajanvaraus.Api.Data;
using Dapper;

namespace Ajanvaraus.Api.Bookings;

/// <summary>
/// Writes and frees booked units inside the caller's transaction. The primary key on (ResourceId, UnitStart)
/// decides every race: a second writer of a unit gets a unique violation, which the caller answers with 409.
/// </summary>
internal static class UnitLedger
{
    // All units of one resource in one statement (a JSON array of unit starts): it takes all of them or, on a
    // unique violation, none.
    internal static readonly DialectSql InsertUnitsSql = new(
        SqlServer: """
            INSERT INTO dbo.BookedUnits (ResourceId, UnitStart, BookingId, HoldId, ExpiresAt)
            SELECT @ResourceId, CAST(j.value AS DATETIMEOFFSET(0)), @BookingId, @HoldId, @ExpiresAt
            FROM OPENJSON(@UnitStarts) j
            """,
        Sqlite: """
            INSERT INTO BookedUnits (ResourceId, UnitStart, BookingId, HoldId, ExpiresAt)
            SELECT @ResourceId, j.value, @BookingId, @HoldId, @ExpiresAt
            FROM json_each(@UnitStarts) j
            """);

    // Expired holds no longer block anyone: whoever needs their units clears them first.
    internal const string ClearExpiredSql = """
        DELETE FROM BookedUnits
        WHERE ResourceId = @ResourceId AND UnitStart >= @From AND UnitStart < @To
          AND ExpiresAt IS NOT NULL AND ExpiresAt <= @Now
        """;

    internal const string CountTakenSql = """
        SELECT COUNT(*) FROM BookedUnits
        WHERE ResourceId = @ResourceId AND UnitStart >= @From AND UnitStart < @To
          AND (ExpiresAt IS NULL OR ExpiresAt > @Now)
        """;

    internal const string DeleteBookingUnitsSql = """
        DELETE FROM BookedUnits WHERE BookingId = @BookingId
        """;

    internal const string DeleteHoldUnitsSql = """
        DELETE FROM BookedUnits WHERE HoldId = @HoldId
        """;

    /// <summary>
    /// Takes the expert's units and, when rooms are offered, the first free room's; returns that room. Throws the
    /// database's unique violation when any unit is taken.
    /// </summary>
    public static async Task<Guid?> TakeAsync(Db db, DbConnection c, DbTransaction tx, Reservation reservation, Guid? bookingId, Guid? holdId, DateTimeOffset? expiresAt, DateTimeOffset now, CancellationToken ct)
    {
        await ClearExpiredAsync(c, tx, reservation.ExpertId, reservation, now, ct);
        await InsertAsync(db, c, tx, reservation.ExpertId, reservation, bookingId, holdId, expiresAt, ct);
        if (reservation.CandidateRooms.Count == 0)
        {
            return null;
        }

        foreach (var room in reservation.CandidateRooms)
        {
            await ClearExpiredAsync(c, tx, room, reservation, now, ct);
            var taken = await c.ExecuteScalarAsync<int>(new CommandDefinition(CountTakenSql, new { ResourceId = room, From = reservation.Start, To = reservation.End, Now = now }, tx, cancellationToken: ct));
            if (taken == 0)
            {
                // Another writer may still take it first (SQL Server); then the insert fails and the caller answers 409.
                await InsertAsync(db, c, tx, room, reservation, bookingId, holdId, expiresAt, ct);
                return room;
            }
        }

        throw new NoRoomException();
    }

    public static Task FreeBookingAsync(DbConnection c, DbTransaction tx, Guid bookingId, CancellationToken ct) =>
        c.ExecuteAsync(new CommandDefinition(DeleteBookingUnitsSql, new { BookingId = bookingId }, tx, cancellationToken: ct));

    public static Task FreeHoldAsync(DbConnection c, DbTransaction tx, Guid holdId, CancellationToken ct) =>
        c.ExecuteAsync(new CommandDefinition(DeleteHoldUnitsSql, new { HoldId = holdId }, tx, cancellationToken: ct));

    private static Task ClearExpiredAsync(DbConnection c, DbTransaction tx, Guid resource, Reservation r, DateTimeOffset now, CancellationToken ct) =>
        c.ExecuteAsync(new CommandDefinition(ClearExpiredSql, new { ResourceId = resource, From = r.Start, To = r.End, Now = now }, tx, cancellationToken: ct));

    private static Task InsertAsync(Db db, DbConnection c, DbTransaction tx, Guid resource, Reservation r, Guid? bookingId, Guid? holdId, DateTimeOffset? expiresAt, CancellationToken ct)
    {
        var units = JsonSerializer.Serialize(UnitMath.Units(r.Start, r.End).Select(DapperTypeHandlers.ToSqliteText));
        var args = new { ResourceId = resource, UnitStarts = units, BookingId = bookingId, HoldId = holdId, ExpiresAt = expiresAt };
        return c.ExecuteAsync(new CommandDefinition(db.Sql(InsertUnitsSql), args, tx, cancellationToken: ct));
    }

    /// <summary>True when the exception means "someone else has that time" (a unit, the last room, or a deadlock lost to them).</summary>
    public static bool IsTaken(Exception ex) => ex is NoRoomException || Db.IsUniqueViolation(ex) || Db.IsDeadlockVictim(ex);

    private sealed class NoRoomException() : Exception("Every video room of the point is taken at that time.");
}
