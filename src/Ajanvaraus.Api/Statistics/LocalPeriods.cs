using System.Globalization;
using System.Text.Json;
using Ajanvaraus.Api.Availability;

namespace Ajanvaraus.Api.Statistics;

// The local (Finnish) months or days over [from, to) as UTC boundaries, computed here once per question: SQL Server then
// joins each row to a small table of them (a range seek per row) instead of running AT TIME ZONE on every row of a year
// (~3.6 M bookings nationally, read twice). SQLite keeps its written-out EU rule (StatisticsSql.SqliteLocalDate).
internal static class LocalPeriods
{
    // The batch's first statements on SQL Server: @Periods (JSON) into a keyed table variable; RECOMPILE sees its size.
    internal const string SqlServerBounds = """
        DECLARE @Bounds TABLE (FromAt DATETIMEOFFSET(0) NOT NULL PRIMARY KEY, ToAt DATETIMEOFFSET(0) NOT NULL, Period VARCHAR(10) NOT NULL);
        INSERT INTO @Bounds (FromAt, ToAt, Period)
        SELECT p.FromAt, p.ToAt, p.Period FROM OPENJSON(@Periods) WITH (FromAt DATETIMEOFFSET(0) '$.f', ToAt DATETIMEOFFSET(0) '$.t',
            Period VARCHAR(10) '$.k') p;
        """;

    // The join that names a row's period (pb.Period); on = an extra condition (@ByMonth = 1 for the statistics).
    internal static string SqlServerJoin(string column, string on = "1 = 1") =>
        $"\n    LEFT JOIN @Bounds pb ON {on} AND {column} >= pb.FromAt AND {column} < pb.ToAt";

    public static string Months(DateTimeOffset from, DateTimeOffset to) =>
        Json(from, to, day => new DateOnly(day.Year, day.Month, 1), day => day.AddMonths(1), "yyyy-MM");

    public static string Days(DateTimeOffset from, DateTimeOffset to) =>
        Json(from, to, day => day, day => day.AddDays(1), "yyyy-MM-dd");

    private static string Json(DateTimeOffset from, DateTimeOffset to, Func<DateOnly, DateOnly> startOf, Func<DateOnly, DateOnly> next,
        string format)
    {
        var periods = new List<object>();
        for (var day = startOf(LocalTime.DateIn(from, LocalTime.Helsinki)); LocalTime.StartOfDay(day) < to; day = next(day))
        {
            periods.Add(new
            {
                k = day.ToString(format, CultureInfo.InvariantCulture),
                f = Utc(LocalTime.StartOfDay(day)),
                t = Utc(LocalTime.StartOfDay(next(day))),
            });
        }

        return JsonSerializer.Serialize(periods);
    }

    private static string Utc(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
}
