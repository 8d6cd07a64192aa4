using Ajanvaraus.Api.Data;

namespace Ajanvaraus.Api.Statistics;

// The statistics' queries. Every one groups on the same optional keys: @ByMonth, @ByPoint, @ByProvider (1 = group on
// it; a key not grouped on is NULL), so one text serves every groupBy. Months are local Finnish months: SQL Server
// joins each row to the months' UTC boundaries computed in C# (LocalPeriods); SQLite has no zone database, so the EU
// rule is written out (summer time, +3, from the last Sunday of March to the last Sunday of October at 01:00 UTC;
// otherwise +2). Only non-personal columns are read: the
// retention purge blanks names and contacts, never these. On SQL Server the optional filters (`@X IS NULL OR …`) get a
// plan per call (RECOMPILE); these are reports, not hot paths, and read committed snapshot keeps them off writers' locks.
internal static class StatisticsSql
{
    // The local date ('yyyy-MM-dd') of a stored UTC instant column, on SQLite.
    internal static string SqliteLocalDate(string column) => $"""
        date({column}, CASE WHEN {column} >= date(substr({column}, 1, 4) || '-03-25', 'weekday 0') || 'T01'
            AND {column} < date(substr({column}, 1, 4) || '-10-25', 'weekday 0') || 'T01' THEN '+3 hours' ELSE '+2 hours' END)
        """;

    // The local month differs from the UTC one only late on a month's last evening (from 21:00 or 22:00 UTC on day 28-31):
    // only those instants pay for the conversion, the rest are a substring (the statistics read every booking of a year).
    internal static string SqliteMonth(string column) => $"""
        CASE WHEN @ByMonth = 1 THEN CASE WHEN substr({column}, 9, 2) >= '28' AND substr({column}, 12, 2) >= '21'
            THEN substr({SqliteLocalDate(column)}, 1, 7) ELSE substr({column}, 1, 7) END END
        """;

    // SQL Server: the row's local month from the joined boundaries (LocalPeriods), NULL unless grouping by month.
    private const string SqlServerMonth = "pb.Period";

    private static string MonthJoin(string column) => LocalPeriods.SqlServerJoin(column, "@ByMonth = 1");

    private static string Keys(string month, string point, string provider) => $"""
        {month} AS Month,
            CASE WHEN @ByPoint = 1 THEN {point} END AS ServicePointId,
            CASE WHEN @ByProvider = 1 THEN {provider} END AS ProviderId
        """;

    private const string BookingFilter = """
        b.StartsAt >= @From AND b.StartsAt < @To
            AND (@ServicePointId IS NULL OR b.ServicePointId = @ServicePointId) AND (@ProviderId IS NULL OR b.ProviderId = @ProviderId)
        """;

    // A cancellation is the staff's when its history line says a staff member cancelled (on the customer's behalf).
    private const string ByStaff = """
        CASE WHEN b.Status = 'cancelled' AND EXISTS (SELECT 1 FROM BookingHistory h WHERE h.BookingId = b.Id
            AND h.Action = 'cancelled' AND h.ActorKind IN ('adviser', 'agency_admin', 'operator')) THEN 1 ELSE 0 END
        """;

    private static string Bookings(string month, string minutes, string tail, string join = "") => $"""
        SELECT Month, ServicePointId, ProviderId, COUNT(*) AS Made,
            SUM(CASE WHEN Status = 'completed' THEN 1 ELSE 0 END) AS Completed,
            SUM(CASE WHEN Status = 'no_show' THEN 1 ELSE 0 END) AS NoShow,
            SUM(CASE WHEN Status = 'cancelled' THEN 1 ELSE 0 END) AS Cancelled,
            SUM(ByStaff) AS CancelledByStaff,
            SUM(CASE WHEN MadeByKind = 'portal' THEN 1 ELSE 0 END) AS MadeByPortal,
            SUM(CASE WHEN MadeByKind = 'citizen' THEN 1 ELSE 0 END) AS MadeByCitizen,
            SUM(CASE WHEN MadeByKind = 'adviser' THEN 1 ELSE 0 END) AS MadeByAdviser,
            SUM(CASE WHEN MadeByKind IN ('agency_admin', 'operator') THEN 1 ELSE 0 END) AS MadeByOtherStaff,
            SUM(CASE WHEN Status = 'cancelled' THEN 0 ELSE Minutes END) AS BookedMinutes
        FROM (
            SELECT {Keys(month, "b.ServicePointId", "b.ProviderId")},
                b.Status, b.MadeByKind, {minutes} AS Minutes, {ByStaff} AS ByStaff
            FROM Bookings b{join}
            WHERE {BookingFilter}
        ) x
        GROUP BY Month, ServicePointId, ProviderId{tail}
        """;

    // The median of booking-to-start minutes per group: the middle row (odd count) or the mean of the two middle ones.
    private static string Median(string month, string lead, string tail, string join = "") => $"""
        SELECT Month, ServicePointId, ProviderId, AVG(Lead) AS Minutes
        FROM (
            SELECT Month, ServicePointId, ProviderId, Lead,
                ROW_NUMBER() OVER (PARTITION BY Month, ServicePointId, ProviderId ORDER BY Lead) AS Rn,
                COUNT(*) OVER (PARTITION BY Month, ServicePointId, ProviderId) AS N
            FROM (
                SELECT {Keys(month, "b.ServicePointId", "b.ProviderId")}, {lead} AS Lead
                FROM Bookings b{join}
                WHERE {BookingFilter}
            ) k
        ) r
        WHERE Rn * 2 BETWEEN N AND N + 2
        GROUP BY Month, ServicePointId, ProviderId{tail}
        """;

    // Published minutes: the experts' availability windows (at the point, or remote under no point).
    private static string Published(string month, string minutes, string tail, string join = "") => $"""
        SELECT Month, ServicePointId, ProviderId, SUM(Minutes) AS Minutes
        FROM (
            SELECT {Keys(month, "w.ServicePointId", "e.ProviderId")}, {minutes} AS Minutes
            FROM AvailabilityWindows w JOIN Experts e ON e.Id = w.ExpertId{join}
            WHERE w.StartsAt >= @From AND w.StartsAt < @To
                AND (@ServicePointId IS NULL OR w.ServicePointId = @ServicePointId) AND (@ProviderId IS NULL OR e.ProviderId = @ProviderId)
        ) x
        GROUP BY Month, ServicePointId, ProviderId{tail}
        """;

    private static string Events(string month, string tail, string join = "") => $"""
        SELECT Month, ServicePointId, ProviderId, Channel, TransactionTypeId, COUNT(*) AS Events
        FROM (
            SELECT {Keys(month, "e.ServicePointId", "e.ProviderId")},
                CASE WHEN @ByChannel = 1 THEN e.Channel END AS Channel,
                CASE WHEN @ByTransactionType = 1 THEN e.TransactionTypeId END AS TransactionTypeId
            FROM ServiceEvents e{join}
            WHERE e.OccurredAt >= @From AND e.OccurredAt < @To
                AND (@ServicePointId IS NULL OR e.ServicePointId = @ServicePointId) AND (@ProviderId IS NULL OR e.ProviderId = @ProviderId)
        ) x
        GROUP BY Month, ServicePointId, ProviderId, Channel, TransactionTypeId{tail}
        """;

    private const string Recompile = "\nOPTION (RECOMPILE)";

    private const string SqliteMinutes = "CAST(round((julianday(b.EndsAt) - julianday(b.StartsAt)) * 1440) AS INTEGER)";

    internal static readonly DialectSql BookingsSql = new(
        SqlServer: LocalPeriods.SqlServerBounds + Bookings(SqlServerMonth, "DATEDIFF(minute, b.StartsAt, b.EndsAt)", Recompile,
            MonthJoin("b.StartsAt")),
        Sqlite: Bookings(SqliteMonth("b.StartsAt"), SqliteMinutes, ""));

    internal static readonly DialectSql MedianLeadSql = new(
        SqlServer: LocalPeriods.SqlServerBounds + Median(SqlServerMonth, "CAST(DATEDIFF(minute, b.CreatedAt, b.StartsAt) AS float)",
            Recompile, MonthJoin("b.StartsAt")),
        Sqlite: Median(SqliteMonth("b.StartsAt"), "(julianday(b.StartsAt) - julianday(b.CreatedAt)) * 1440", ""));

    internal static readonly DialectSql PublishedSql = new(
        SqlServer: LocalPeriods.SqlServerBounds + Published(SqlServerMonth, "DATEDIFF(minute, w.StartsAt, w.EndsAt)", Recompile,
            MonthJoin("w.StartsAt")),
        Sqlite: Published(SqliteMonth("w.StartsAt"), "CAST(round((julianday(w.EndsAt) - julianday(w.StartsAt)) * 1440) AS INTEGER)", ""));

    internal static readonly DialectSql EventsSql = new(
        SqlServer: LocalPeriods.SqlServerBounds + Events(SqlServerMonth, Recompile, MonthJoin("e.OccurredAt")),
        Sqlite: Events(SqliteMonth("e.OccurredAt"), ""));
}
