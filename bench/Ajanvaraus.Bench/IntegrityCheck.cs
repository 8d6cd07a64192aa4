using Microsoft.Data.Sqlite;

namespace Ajanvaraus.Bench;

internal sealed record Integrity(long DoubleBookedUnits, long BookingsWithWrongUnits, long UnitsWithoutConfirmedBooking, long ConfirmedBookings)
{
    public bool Holds => DoubleBookedUnits == 0 && BookingsWithWrongUnits == 0 && UnitsWithoutConfirmedBooking == 0;
}

// Reads the database behind the running service (WAL lets it) and checks what the service promises.
internal static class IntegrityCheck
{
    // A unit of a resource held twice (the primary key forbids it; this proves it held under load).
    private const string DoubleBookedSql = """
        SELECT COUNT(*) FROM (SELECT 1 FROM BookedUnits GROUP BY ResourceId, UnitStart HAVING COUNT(*) > 1)
        """;

    // A confirmed booking must hold exactly its units: every 5 minutes of its time, of its expert and of its room if any.
    private const string WrongUnitsSql = """
        SELECT COUNT(*) FROM (
            SELECT b.Id,
                   CAST(ROUND((julianday(substr(b.EndsAt, 1, 19)) - julianday(substr(b.StartsAt, 1, 19))) * 288) AS INTEGER)
                       * (CASE WHEN b.VideoRoomId IS NULL THEN 1 ELSE 2 END) AS Expected,
                   (SELECT COUNT(*) FROM BookedUnits u WHERE u.BookingId = b.Id) AS Held,
                   (SELECT COUNT(*) FROM BookedUnits u WHERE u.BookingId = b.Id AND u.UnitStart >= b.StartsAt AND u.UnitStart < b.EndsAt
                        AND (u.ResourceId = b.ExpertId OR u.ResourceId = b.VideoRoomId)) AS Fitting
            FROM Bookings b WHERE b.Status = 'confirmed')
        WHERE Held <> Expected OR Fitting <> Expected
        """;

    private const string OrphanUnitsSql = """
        SELECT COUNT(*) FROM BookedUnits u
        WHERE u.BookingId IS NOT NULL AND NOT EXISTS (SELECT 1 FROM Bookings b WHERE b.Id = u.BookingId AND b.Status = 'confirmed')
        """;

    private const string ConfirmedSql = """
        SELECT COUNT(*) FROM Bookings WHERE Status = 'confirmed'
        """;

    public static Integrity Run(string database)
    {
        using var c = new SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=False");
        c.Open();
        return new Integrity(Scalar(c, DoubleBookedSql), Scalar(c, WrongUnitsSql), Scalar(c, OrphanUnitsSql), Scalar(c, ConfirmedSql));
    }

    private static long Scalar(SqliteConnection c, string sql)
    {
        using var command = c.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = 600;
        return (long)command.ExecuteScalar()!;
    }
}
