using Ajanvaraus.Api.Availability;
using Ajanvaraus.Api.Data;
using Ajanvaraus.Api.Statistics;
using Ajanvaraus.Api.Tests.Infrastructure;
using Dapper;

namespace Ajanvaraus.Api.Tests.Statistics;

public sealed class StatisticsLogicTests
{
    [Fact]
    public async Task TheSqliteLocalDateAgreesWithTheZoneDatabaseAroundEveryChangeOfTime()
    {
        await using var app = new AjanvarausApp();
        _ = app.CreateClient();
        await using var c = await app.Db.OpenAsync(TestContext.Current.CancellationToken);
        var sql = $"SELECT {StatisticsSql.SqliteLocalDate("@At")}";
        var start = new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
        for (var at = start; at < start.AddYears(3); at = at.AddMinutes(97))
        {
            var expected = LocalTime.DateIn(at, LocalTime.Helsinki).ToString("yyyy-MM-dd");
            Assert.Equal(expected, await c.ExecuteScalarAsync<string>(sql, new { At = DapperTypeHandlers.ToSqliteText(at) }));
        }
    }

    [Fact]
    public async Task TheSqliteLocalMonthAgreesWithTheZoneDatabaseAtEveryMonthsEnd()
    {
        await using var app = new AjanvarausApp();
        _ = app.CreateClient();
        await using var c = await app.Db.OpenAsync(TestContext.Current.CancellationToken);
        var sql = $"SELECT {StatisticsSql.SqliteMonth("@At")}";
        for (var month = new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero); month.Year < 2028; month = month.AddMonths(1))
        {
            for (var at = month.AddHours(-4); at < month.AddHours(1); at = at.AddMinutes(15))
            {
                var expected = LocalTime.DateIn(at, LocalTime.Helsinki).ToString("yyyy-MM");
                Assert.Equal(expected, await c.ExecuteScalarAsync<string>(sql, new { At = DapperTypeHandlers.ToSqliteText(at), ByMonth = 1 }));
            }
        }
    }

    [Fact]
    public void ABasicPartPaysAPartMonthByItsDays()
    {
        var part = new BasicPartRow { ProviderId = "kela", ValidFrom = new(2026, 2, 15), MonthlyAmountCents = 28_000 };

        var line = CompensationCalculator.BasicPart(part, new DateOnly(2026, 2, 1), new DateOnly(2026, 3, 31));

        Assert.Equal(new DateOnly(2026, 2, 15), line.From);
        Assert.Equal(140.00m + 280.00m, line.Amount);
    }

    [Fact]
    public void AnAgencysOwnPriceWinsOverTheCommonOne()
    {
        PriceRow[] prices =
        [
            new() { TransactionTypeId = "t", ValidFrom = new(2026, 1, 1), UnitPriceCents = 100 },
            new() { TransactionTypeId = "t", ProviderId = "kela", ValidFrom = new(2026, 6, 1), UnitPriceCents = 300 },
        ];

        Assert.Equal(300, CompensationCalculator.PriceOn(prices, "kela", "t", new(2026, 6, 1))!.UnitPriceCents);
        Assert.Equal(100, CompensationCalculator.PriceOn(prices, "kela", "t", new(2026, 5, 31))!.UnitPriceCents);
        Assert.Equal(100, CompensationCalculator.PriceOn(prices, "vero", "t", new(2026, 6, 1))!.UnitPriceCents);
        Assert.Null(CompensationCalculator.PriceOn(prices, "vero", "t", new(2025, 12, 31)));
    }
}
