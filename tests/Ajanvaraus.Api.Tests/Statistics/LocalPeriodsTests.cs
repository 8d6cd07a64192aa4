using System.Text.Json;
using Ajanvaraus.Api.Availability;
using Ajanvaraus.Api.Statistics;
using Ajanvaraus.Api.Tests.Data;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace Ajanvaraus.Api.Tests.Statistics;

// The local months and days SQL Server joins the statistics' rows to, instead of AT TIME ZONE on every row.
public sealed class LocalPeriodsTests
{
    private static readonly DateTimeOffset From = LocalTime.StartOfDay(new DateOnly(2026, 1, 1));
    private static readonly DateTimeOffset To = LocalTime.StartOfDay(new DateOnly(2027, 1, 1));

    private static List<(string Key, DateTimeOffset From, DateTimeOffset To)> Parse(string json) =>
        JsonDocument.Parse(json).RootElement.EnumerateArray().Select(p => (p.GetProperty("k").GetString()!,
            p.GetProperty("f").GetDateTimeOffset(), p.GetProperty("t").GetDateTimeOffset())).ToList();

    [Fact]
    public void EveryInstantOfAYearFallsInTheLocalMonthAndDayItHasInHelsinki()
    {
        var months = Parse(LocalPeriods.Months(From, To));
        var days = Parse(LocalPeriods.Days(From, To));
        Assert.Equal(12, months.Count);
        Assert.Equal(365, days.Count);
        // Around both DST changes and every month's last evening, where UTC and local months differ.
        var random = new Random(25);
        var instants = Enumerable.Range(0, 5000).Select(_ => From.AddMinutes(random.Next(0, 365 * 1440)))
            .Concat(months.Select(m => m.From)).Concat(months.Select(m => m.To.AddSeconds(-1)));

        foreach (var instant in instants.Where(i => i < To))
        {
            var local = LocalTime.DateIn(instant, LocalTime.Helsinki);
            Assert.Equal(local.ToString("yyyy-MM"), Assert.Single(months, m => instant >= m.From && instant < m.To).Key);
            Assert.Equal(local.ToString("yyyy-MM-dd"), Assert.Single(days, d => instant >= d.From && instant < d.To).Key);
        }

        var spring = Assert.Single(days, d => d.Key == "2026-03-29");
        Assert.Equal(TimeSpan.FromHours(23), spring.To - spring.From);
    }

    [Fact]
    public void NoStatisticsOrCompensationTextConvertsZonesPerRowOnSqlServer()
    {
        var texts = new[]
        {
            StatisticsSql.BookingsSql, StatisticsSql.MedianLeadSql, StatisticsSql.PublishedSql, StatisticsSql.EventsSql,
            CompensationStore.CountsSql,
        };

        foreach (var sql in texts)
        {
            Assert.Empty(TSql.All<AtTimeZoneCall>(sql.SqlServer));
            Assert.Contains("@Bounds pb", sql.SqlServer, StringComparison.Ordinal);
        }
    }
}
