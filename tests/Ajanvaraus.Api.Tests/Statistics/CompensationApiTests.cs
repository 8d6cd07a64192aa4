using System.Net;
using System.Net.Http.Json;
using System.Text;
using Ajanvaraus.Api.Tests.Bookings;
using Ajanvaraus.Api.Tests.Infrastructure;
using Dapper;

namespace Ajanvaraus.Api.Tests.Statistics;

public sealed class CompensationApiTests
{
    private const string Period = "servicePoint=mikkeli&from=2026-11-16&to=2026-11-30";

    // The scripted Tuesday plus one Kela counter event on Monday; `neuvonta` costs 5.00 until Monday and 6.50 from
    // Tuesday, Kela's own appointment price is 20.00 (the common one 10.00), Kela's basic part 300.00 a month.
    private static async Task<BookingWorld> PricedAsync()
    {
        var world = await StatisticsDay.CreateAsync();
        var op = world.App.Operator();
        world.Clock.SetUtcNow(BookingWorld.Tuesday(14));
        await StatisticsDay.EventAsync(world.App.Adviser("mikkeli"), "kela", "neuvonta", "counter", BookingWorld.Tuesday(10).AddDays(-1));
        await StatisticsDay.Ok(op.PostAsJsonAsync("/api/v1/compensation/prices", new
        {
            transactionType = "neuvonta", validFrom = "2026-11-01", validUntil = "2026-11-23", unitPrice = 5.00m,
        }));
        await StatisticsDay.Ok(op.PostAsJsonAsync("/api/v1/compensation/prices", new
        {
            transactionType = "neuvonta", validFrom = "2026-11-24", unitPrice = 6.50m,
        }));
        await StatisticsDay.Ok(op.PostAsJsonAsync("/api/v1/compensation/prices", new
        {
            transactionType = "appointment", validFrom = "2026-01-01", unitPrice = 10.00m,
        }));
        await StatisticsDay.Ok(op.PostAsJsonAsync("/api/v1/compensation/prices", new
        {
            transactionType = "appointment", providerId = "kela", validFrom = "2026-01-01", unitPrice = 20.00m,
        }));
        await StatisticsDay.Ok(op.PostAsJsonAsync("/api/v1/compensation/basic-parts", new
        {
            servicePointId = "mikkeli", providerId = "kela", validFrom = "2026-11-01", monthlyAmount = 300.00m,
        }));
        return world;
    }

    [Fact]
    public async Task TheStatementPricesEachDayWithThePriceValidThenAndAddsTheBasicPartByDays()
    {
        await using var world = await PricedAsync();

        var body = await (await world.App.Operator().GetAsync($"/api/v1/compensation?{Period}")).ReadJsonAsync(HttpStatusCode.OK);

        var agencies = body.GetProperty("agencies").EnumerateArray().ToDictionary(a => a.GetProperty("providerId").GetString()!);
        var kela = agencies["kela"];
        var lines = kela.GetProperty("transactions").EnumerateArray()
            .Select(l => $"{l.GetProperty("transactionType").GetString()} {l.GetProperty("from").GetString()} {l.GetProperty("count").GetInt32()}"
                + $" × {(l.TryGetProperty("unitPrice", out var p) ? p.GetDecimal() : 0):0.00} = {l.GetProperty("amount").GetDecimal():0.00}")
            .ToList();
        // The completed video appointment happened nowhere near the point: it is not the point's to invoice.
        Assert.Equal([
            "appointment 2026-11-16 1 × 20.00 = 20.00",
            "kela-etuus 2026-11-24 1 × 0.00 = 0.00",
            "neuvonta 2026-11-16 1 × 5.00 = 5.00",
            "neuvonta 2026-11-24 1 × 6.50 = 6.50",
        ], lines);
        Assert.Equal(150.00m, kela.GetProperty("basicPartAmount").GetDecimal());
        Assert.Equal(181.50m, kela.GetProperty("total").GetDecimal());
        var vero = agencies["vero"];
        Assert.Equal(16.50m, vero.GetProperty("total").GetDecimal());
        Assert.Equal(198.00m, body.GetProperty("total").GetDecimal());
    }

    [Fact]
    public async Task AnAgencySeesOnlyItsOwnStatementAndAnAdviserNone()
    {
        await using var world = await PricedAsync();

        var vero = await (await world.App.AgencyAdmin("vero").GetAsync($"/api/v1/compensation?{Period}")).ReadJsonAsync(HttpStatusCode.OK);
        var adviser = await world.App.Adviser("mikkeli").GetAsync($"/api/v1/compensation?{Period}");

        Assert.Equal("vero", Assert.Single(vero.GetProperty("agencies").EnumerateArray()).GetProperty("providerId").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, adviser.StatusCode);
    }

    [Fact]
    public async Task TheCsvStatementHasOneRowPerLineWithDecimalCommas()
    {
        await using var world = await PricedAsync();
        var client = world.App.Operator();
        client.DefaultRequestHeaders.Accept.ParseAdd("text/csv");

        var bytes = await (await client.GetAsync($"/api/v1/compensation?{Period}")).Content.ReadAsByteArrayAsync();

        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split(';')).ToList();
        Assert.Equal("servicePointId", lines[0][0]);
        var basic = lines.Single(l => l[3] == "basic_part");
        Assert.Equal(["mikkeli", "kela", "Kela", "basic_part", "", "", "2026-11-16", "2026-11-30", "", "300,00", "150,00"], basic);
        Assert.Contains(lines, l => l[4] == "neuvonta" && l[9] == "6,50" && l[1] == "vero");
    }

    [Fact]
    public async Task OverlappingPricePeriodsAreAConflictAndAThirdDecimalABadRequest()
    {
        await using var world = await PricedAsync();
        var op = world.App.Operator();

        var overlap = await op.PostAsJsonAsync("/api/v1/compensation/prices", new
        {
            transactionType = "neuvonta", validFrom = "2026-12-01", unitPrice = 7m,
        });
        var ownPrice = await op.PostAsJsonAsync("/api/v1/compensation/prices", new
        {
            transactionType = "neuvonta", providerId = "vero", validFrom = "2026-12-01", unitPrice = 7m,
        });
        var decimals = await op.PostAsJsonAsync("/api/v1/compensation/prices", new
        {
            transactionType = "neuvonta", providerId = "kela", validFrom = "2026-12-01", unitPrice = 7.125m,
        });
        var missing = await op.PostAsJsonAsync("/api/v1/compensation/basic-parts", new { servicePointId = "mikkeli", providerId = "kela" });

        await overlap.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(HttpStatusCode.Created, ownPrice.StatusCode);
        await decimals.AssertValidationErrorAsync("unitPrice");
        await missing.AssertValidationErrorAsync("validFrom");
    }

    [Fact]
    public async Task StatisticsAndTheStatementSurviveTheRetentionPurgeOfCustomerData()
    {
        await using var world = await PricedAsync();
        var before = await (await world.App.Operator().GetAsync($"/api/v1/compensation?{Period}")).Content.ReadAsStringAsync();
        var stats = await (await world.App.Operator().GetAsync("/api/v1/statistics?from=2026-11-24&to=2026-11-24&groupBy=provider"))
            .Content.ReadAsStringAsync();

        // What the purge does to old bookings: names, contacts and notes blanked; ids, times, status, channel stay.
        await using (var c = await world.App.Db.OpenAsync(TestContext.Current.CancellationToken))
        {
            await c.ExecuteAsync("UPDATE Bookings SET CustomerName = '', CustomerEmail = NULL, CustomerPhone = NULL, Notes = NULL");
        }

        Assert.Equal(before, await (await world.App.Operator().GetAsync($"/api/v1/compensation?{Period}")).Content.ReadAsStringAsync());
        Assert.Equal(stats, await (await world.App.Operator().GetAsync("/api/v1/statistics?from=2026-11-24&to=2026-11-24&groupBy=provider"))
            .Content.ReadAsStringAsync());
    }
}
