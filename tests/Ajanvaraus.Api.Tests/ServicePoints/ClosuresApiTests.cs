using System.Net;
using System.Net.Http.Json;
using Ajanvaraus.Api.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace Ajanvaraus.Api.Tests.ServicePoints;

public sealed class ClosuresApiTests
{
    private const string Closures = "/api/v1/service-points/mikkeli/closures";

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task OperatorAddsListsAndRemovesClosures(Engine engine)
    {
        await using var app = new AjanvarausApp(engine);
        var op = app.Operator();
        await op.PointAsync(PointFixtures.Point("mikkeli"));

        var created = await op.PostAsJsonAsync(Closures, new { firstDay = "2026-12-24", lastDay = "2026-12-26", reason = "Joulu" });
        var christmas = await created.ReadJsonAsync(HttpStatusCode.Created);
        var id = christmas.GetProperty("id").GetGuid();
        Assert.Equal($"{Closures}/{id}", created.Headers.Location?.ToString());
        Assert.Equal("2026-12-24", christmas.GetProperty("firstDay").GetString());
        Assert.Equal("2026-12-26", christmas.GetProperty("lastDay").GetString());
        Assert.Equal("Joulu", christmas.GetProperty("reason").GetString());
        await (await op.PostAsJsonAsync(Closures, new { firstDay = "2026-12-08",
            lastDay = "2026-12-08" })).ReadJsonAsync(HttpStatusCode.Created);

        var anyone = app.CreateClient();
        var listed = await anyone.GetJsonAsync(Closures);
        Assert.Equal(["2026-12-08", "2026-12-24"], listed.EnumerateArray().Select(c => c.GetProperty("firstDay").GetString()));
        Assert.False(listed[0].TryGetProperty("reason", out _));
        Assert.Equal("Joulu", (await anyone.GetJsonAsync($"{Closures}/{id}")).GetProperty("reason").GetString());

        Assert.Equal(HttpStatusCode.NoContent, (await op.DeleteAsync($"{Closures}/{id}")).StatusCode);
        Assert.Equal(["2026-12-08"],
            (await anyone.GetJsonAsync(Closures)).EnumerateArray().Select(c => c.GetProperty("firstDay").GetString()));
        await (await anyone.GetAsync($"{Closures}/{id}")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await op.DeleteAsync($"{Closures}/{id}")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("from=2026-12-09", new[] { "2026-12-24", "2027-01-06" })]
    [InlineData("to=2026-12-24", new[] { "2026-12-08", "2026-12-24" })]
    [InlineData("from=2026-12-26&to=2026-12-31", new[] { "2026-12-24" })]
    [InlineData("from=2026-12-27&to=2027-01-05", new string[0])]
    public async Task ClosureListKeepsThoseOverlappingTheRange(string query, string[] firstDays)
    {
        await using var app = new AjanvarausApp();
        var op = app.Operator();
        await op.PointAsync(PointFixtures.Point("mikkeli"));
        foreach (var (first, last) in new[] { ("2026-12-08", "2026-12-08"), ("2026-12-24", "2026-12-26"), ("2027-01-06", "2027-01-06") })
        {
            await (await op.PostAsJsonAsync(Closures, new { firstDay = first, lastDay = last })).ReadJsonAsync(HttpStatusCode.Created);
        }

        var listed = await app.CreateClient().GetJsonAsync($"{Closures}?{query}");
        Assert.Equal(firstDays, listed.EnumerateArray().Select(c => c.GetProperty("firstDay").GetString()));
    }

    [Fact]
    public async Task PointShowsOnlyClosuresNotOverByItsLocalDate()
    {
        // 23:30 UTC on 23 November is already 24 November in Helsinki (UTC+2). The data goes in through the
        // database: tokens minted on a pinned clock are checked against the real one, so writes would answer 401.
        var clock = new FakeTimeProvider(DateTimeOffset.Parse("2026-11-23T23:30:00Z"));
        await using var app = new AjanvarausApp(clock: clock);
        _ = app.CreateClient();
        await app.InsertPointAsync("mikkeli", "Europe/Helsinki");
        await app.InsertPointAsync("reykjavik", "Atlantic/Reykjavik");
        foreach (var point in new[] { "mikkeli", "reykjavik" })
        {
            await app.InsertClosureAsync(point, new DateOnly(2026, 11, 20), new DateOnly(2026, 11, 23));
            await app.InsertClosureAsync(point, new DateOnly(2026, 11, 22), new DateOnly(2026, 11, 24));
            await app.InsertClosureAsync(point, new DateOnly(2026, 12, 24), new DateOnly(2026, 12, 26));
        }

        var anyone = app.CreateClient();
        var helsinki = await anyone.GetJsonAsync("/api/v1/service-points/mikkeli");
        Assert.Equal(["2026-11-22", "2026-12-24"],
            helsinki.GetProperty("closures").EnumerateArray().Select(c => c.GetProperty("firstDay").GetString()));
        var reykjavik = await anyone.GetJsonAsync("/api/v1/service-points/reykjavik");
        Assert.Equal(["2026-11-20", "2026-11-22", "2026-12-24"],
            reykjavik.GetProperty("closures").EnumerateArray().Select(c => c.GetProperty("firstDay").GetString()));
        Assert.Equal(3, (await anyone.GetJsonAsync(Closures)).GetArrayLength());
    }

    [Fact]
    public async Task ClosureEndingBeforeItStartsAnswers400NamingLastDay()
    {
        await using var app = new AjanvarausApp();
        var op = app.Operator();
        await op.PointAsync(PointFixtures.Point("mikkeli"));
        var response = await op.PostAsJsonAsync(Closures, new { firstDay = "2026-12-26", lastDay = "2026-12-24" });
        await response.AssertValidationErrorAsync("lastDay");
    }

    [Theory]
    [InlineData("firstDay")]
    [InlineData("lastDay")]
    public async Task ClosureWithoutADayAnswers400NamingIt(string missing)
    {
        await using var app = new AjanvarausApp();
        var op = app.Operator();
        await op.PointAsync(PointFixtures.Point("mikkeli"));
        var body = new Dictionary<string, object> { ["firstDay"] = "2026-12-24", ["lastDay"] = "2026-12-26" };
        body.Remove(missing);
        await (await op.PostAsJsonAsync(Closures, body)).AssertValidationErrorAsync(missing);
    }

    [Fact]
    public async Task ClosuresOfAnUnknownPointAnswer404()
    {
        await using var app = new AjanvarausApp();
        var op = app.Operator();
        await (await app.CreateClient().GetAsync("/api/v1/service-points/ghost/closures")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await op.PostAsJsonAsync("/api/v1/service-points/ghost/closures", new { firstDay = "2026-12-24",
            lastDay = "2026-12-26" })).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task AClosureIsReachableOnlyThroughItsOwnPoint()
    {
        await using var app = new AjanvarausApp();
        var op = app.Operator();
        await op.PointAsync(PointFixtures.Point("mikkeli"));
        await op.PointAsync(PointFixtures.Point("parainen", "445"));
        var id = (await (await op.PostAsJsonAsync(Closures, new { firstDay = "2026-12-24",
            lastDay = "2026-12-26" })).ReadJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();

        await (await op.DeleteAsync($"/api/v1/service-points/parainen/closures/{id}")).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(1, (await app.CreateClient().GetJsonAsync(Closures)).GetArrayLength());
    }

    [Fact]
    public async Task AnonymousCallersAndAgencyAdminsCannotWriteClosures()
    {
        await using var app = new AjanvarausApp();
        var op = app.Operator();
        await op.PointAsync(PointFixtures.Point("mikkeli"));
        var id = (await (await op.PostAsJsonAsync(Closures, new { firstDay = "2026-12-24",
            lastDay = "2026-12-26" })).ReadJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();

        foreach (var (client, status) in new[] { (app.CreateClient(), HttpStatusCode.Unauthorized), (app.AgencyAdmin("kela"),
            HttpStatusCode.Forbidden) })
        {
            Assert.Equal(status, (await client.PostAsJsonAsync(Closures, new { firstDay = "2027-01-01",
                lastDay = "2027-01-01" })).StatusCode);
            Assert.Equal(status, (await client.DeleteAsync($"{Closures}/{id}")).StatusCode);
        }

        Assert.Equal(1, (await app.CreateClient().GetJsonAsync(Closures)).GetArrayLength());
    }
}
