using System.Text.Json;
using Ajanvaraus.Api.Availability;
using Ajanvaraus.Api.Data;
using Dapper;

namespace Ajanvaraus.Api.Bookings;

// Writes and frees booked units inside the caller's transaction. The primary key on (ResourceId, UnitStart) decides
// every race: a second writer of a unit gets a unique violation, which the caller answers with 409.
// Lock order, everywhere: the expert's units before the room's, each resource's by its clustered key in time order
// (SQL Server takes key locks in that order, so two writers over the same units queue instead of deadlocking).
internal static class UnitLedger
{
    // All units of one resource in one statement (a JSON array of unit starts): it takes all of them or, on a
    // unique violation, none (the statement is rolled back, the transaction stays usable on both engines; SQL Server
    // with XACT_ABORT OFF: WriteScope.ExecuteCaughtAsync states it where the violation is caught).
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

    // Expired holds no longer block anyone: whoever needs their units clears them first (a clustered range seek).
    internal const string ClearExpiredSql = """
        DELETE FROM BookedUnits
        WHERE ResourceId = @ResourceId AND UnitStart >= @From AND UnitStart < @To
          AND ExpiresAt IS NOT NULL AND ExpiresAt <= @Now
        """;

    // A booking's or a hold's own units, by the clustered key (not by the BookingId/HoldId index, whose GUID order
    // would lock the same rows in another order than every other writer).
    internal const string FreeBookingUnitsSql = """
        DELETE FROM BookedUnits
        WHERE ResourceId = @ResourceId AND UnitStart >= @From AND UnitStart < @To AND BookingId = @OwnerId
        """;

    internal const string FreeHoldUnitsSql = """
        DELETE FROM BookedUnits
        WHERE ResourceId = @ResourceId AND UnitStart >= @From AND UnitStart < @To AND HoldId = @OwnerId
        """;

    // Takes the expert's units and, when rooms are offered, the first room whose insert succeeds; returns that room.
    // Rooms are tried by inserting, not by counting first: under READ_COMMITTED_SNAPSHOT a count reads the last committed
    // state and two writers would both pick room 1. Throws the unique violation when the expert's units are taken.
    public static async Task<Guid?> TakeAsync(WriteScope scope, Reservation reservation, UnitOwner owner)
    {
        await ClearExpiredAsync(scope, reservation.ExpertId, reservation);
        await scope.ExecuteAsync(scope.Sql(InsertUnitsSql), UnitArgs(reservation.ExpertId, reservation, owner));
        scope.UnitsChanged(reservation.ExpertId, reservation.Start, reservation.End);
        if (reservation.CandidateRooms.Count == 0)
        {
            return null;
        }

        foreach (var room in reservation.CandidateRooms)
        {
            await ClearExpiredAsync(scope, room, reservation);
            try
            {
                // A taken room is caught and the next one tried in the same transaction.
                await scope.ExecuteCaughtAsync(scope.Sql(InsertUnitsSql), UnitArgs(room, reservation, owner));
                scope.UnitsChanged(room, reservation.Start, reservation.End);
                return room;
            }
            catch (Exception ex) when (Db.IsUniqueViolation(ex))
            {
                // Someone has this room then; the next one may be free.
            }
        }

        throw new NoRoomException();
    }

    // Frees what a booking or hold holds: the expert's units, then the room's.
    public static async Task FreeAsync(WriteScope scope, UnitOwner owner, Guid expertId, Guid? roomId, DateTimeOffset start,
        DateTimeOffset end)
    {
        var sql = owner.BookingId is not null ? FreeBookingUnitsSql : FreeHoldUnitsSql;
        foreach (var resource in roomId is { } room ? [expertId, room] : new[] { expertId })
        {
            await scope.ExecuteAsync(sql, new { ResourceId = resource, From = start, To = end, OwnerId = owner.BookingId ?? owner.HoldId });
            scope.UnitsChanged(resource, start, end);
        }
    }

    private static Task ClearExpiredAsync(WriteScope scope, Guid resource, Reservation r) =>
        scope.ExecuteAsync(ClearExpiredSql, new { ResourceId = resource, From = r.Start, To = r.End, scope.Now });

    private static object UnitArgs(Guid resource, Reservation r, UnitOwner owner) => new
    {
        ResourceId = resource,
        UnitStarts = JsonSerializer.Serialize(UnitMath.Units(r.Start, r.End).Select(DapperTypeHandlers.ToSqliteText)),
        owner.BookingId, owner.HoldId, owner.ExpiresAt,
    };

    // "Someone else has that time": a unit of the expert, or every room.
    public static bool IsTaken(Exception ex) => ex is NoRoomException || Db.IsUniqueViolation(ex);

    private sealed class NoRoomException() : Exception("Every video room of the point is taken at that time.");
}

// Whose units they are: a booking's (for good) or a hold's (until it expires).
internal sealed record UnitOwner(Guid? BookingId, Guid? HoldId, DateTimeOffset? ExpiresAt)
{
    public static UnitOwner Booking(Guid id) => new(id, null, null);

    public static UnitOwner Hold(Guid id, DateTimeOffset expiresAt) => new(null, id, expiresAt);
}
