using System.Net;
using System.Net.Http.Json;
using Ajanvaraus.Api.Tests.Infrastructure;

namespace Ajanvaraus.Api.Tests.ServicePoints;

public sealed class ServicePointsApiTests
{
    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task OperatorCreatesReadsReplacesAndDeletesAServicePoint(Engine engine)
    {
        await using var app = new AjanvarausApp(engine);
        var op = app.Operator();
        await op.ProviderAsync("kela");
        await op.ProviderAsync("vero");
        await op.ProviderAsync("mikkeli");

        var body = PointFixtures.Point("mikkeli-yps", "491", "vero", "kela");
        body["openingHours"] = new object[]
        {
            new { weekday = 4, opens = "12:00", closes = "18:00" },
            new { weekday = 1, opens = "13:00", closes = "16:00" },
            new { weekday = 1, opens = "09:00", closes = "11:30" },
        };
        body["accessibilityNotes"] = new { fi = "Esteetön sisäänkäynti", sv = "Tillgänglig ingång", en = (string?)null };
        var created = await op.PostAsJsonAsync("/api/v1/service-points", body);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("/api/v1/service-points/mikkeli-yps", created.Headers.Location?.ToString());
        var answered = await created.ReadJsonAsync(HttpStatusCode.Created);
        Assert.Equal(["kela", "vero"], answered.GetProperty("providers").EnumerateArray().Select(p => p.GetString()));
        Assert.Equal([1, 1, 4], answered.GetProperty("openingHours").EnumerateArray().Select(h => h.GetProperty("weekday").GetInt32()));

        var point = await app.CreateClient().GetJsonAsync("/api/v1/service-points/mikkeli-yps");
        Assert.Equal("mikkeli-yps fi", point.GetProperty("name").GetString());
        Assert.Equal("mikkeli-yps sv", point.GetProperty("names").GetProperty("sv").GetString());
        Assert.Equal("491", point.GetProperty("municipalityCode").GetString());
        Assert.Equal("Mikkeli", point.GetProperty("municipalityName").GetString());
        Assert.Equal("50100", point.GetProperty("address").GetProperty("postalCode").GetString());
        Assert.Equal("Maaherrankatu 9", point.GetProperty("address").GetProperty("streetAddress").GetString());
        Assert.Equal("Europe/Helsinki", point.GetProperty("timeZone").GetString());
        Assert.Equal(["kela", "vero"], point.GetProperty("providers").EnumerateArray().Select(p => p.GetString()));
        Assert.Equal(
            ["1 09:00-11:30", "1 13:00-16:00", "4 12:00-18:00"],
            point.GetProperty("openingHours").EnumerateArray().Select(h => $"{h.GetProperty("weekday").GetInt32()} {h.GetProperty("opens").GetString()}-{h.GetProperty("closes").GetString()}"));
        Assert.Equal("Esteetön sisäänkäynti", point.GetProperty("accessibility").GetString());
        Assert.False(point.GetProperty("accessibilityNotes").TryGetProperty("en", out _));
        Assert.Empty(point.GetProperty("closures").EnumerateArray());
        Assert.Empty(point.GetProperty("videoRooms").EnumerateArray());

        var replacement = PointFixtures.Point("ignored", "091", "mikkeli");
        replacement.Remove("id");
        replacement["timeZone"] = "Europe/Stockholm";
        replacement["openingHours"] = new object[] { new { weekday = 5, opens = "08:00", closes = "12:00" } };
        var replaced = await (await op.PutAsJsonAsync("/api/v1/service-points/mikkeli-yps", replacement)).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal("mikkeli-yps", replaced.GetProperty("id").GetString());

        var reread = await app.CreateClient().GetJsonAsync("/api/v1/service-points/mikkeli-yps");
        Assert.Equal("Helsinki", reread.GetProperty("municipalityName").GetString());
        Assert.Equal("Europe/Stockholm", reread.GetProperty("timeZone").GetString());
        Assert.Equal(["mikkeli"], reread.GetProperty("providers").EnumerateArray().Select(p => p.GetString()));
        Assert.Equal(5, Assert.Single(reread.GetProperty("openingHours").EnumerateArray()).GetProperty("weekday").GetInt32());
        Assert.False(reread.TryGetProperty("accessibility", out _));

        Assert.Equal(HttpStatusCode.NoContent, (await op.DeleteAsync("/api/v1/service-points/mikkeli-yps")).StatusCode);
        await (await app.CreateClient().GetAsync("/api/v1/service-points/mikkeli-yps")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task CreatingAServicePointTwiceAnswers409()
    {
        await using var app = new AjanvarausApp();
        var op = app.Operator();
        await op.PointAsync(PointFixtures.Point("kiiminki"));
        var again = await op.PostAsJsonAsync("/api/v1/service-points", PointFixtures.Point("kiiminki"));
        await again.AssertProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task TimeZoneDefaultsToHelsinki()
    {
        await using var app = new AjanvarausApp();
        var point = await app.Operator().PointAsync(PointFixtures.Point("parainen", "445"));
        Assert.Equal("Europe/Helsinki", point.GetProperty("timeZone").GetString());
    }

    [Fact]
    public async Task UnknownServicePointAnswers404()
    {
        await using var app = new AjanvarausApp();
        var op = app.Operator();
        var body = PointFixtures.Point("ghost");
        body.Remove("id");

        await (await app.CreateClient().GetAsync("/api/v1/service-points/ghost")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await op.PutAsJsonAsync("/api/v1/service-points/ghost", body)).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await op.DeleteAsync("/api/v1/service-points/ghost")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task AnonymousCallersAndAgencyAdminsCannotWriteServicePoints()
    {
        await using var app = new AjanvarausApp();
        await app.Operator().PointAsync(PointFixtures.Point("mikkeli"));
        var update = PointFixtures.Point("mikkeli");
        update.Remove("id");

        foreach (var (client, status) in new[] { (app.CreateClient(), HttpStatusCode.Unauthorized), (app.AgencyAdmin("kela"),
            HttpStatusCode.Forbidden), (app.Portal("suomi-fi"), HttpStatusCode.Forbidden) })
        {
            Assert.Equal(status, (await client.PostAsJsonAsync("/api/v1/service-points", PointFixtures.Point("other"))).StatusCode);
            Assert.Equal(status, (await client.PutAsJsonAsync("/api/v1/service-points/mikkeli", update)).StatusCode);
            Assert.Equal(status, (await client.DeleteAsync("/api/v1/service-points/mikkeli")).StatusCode);
        }

        Assert.Equal("mikkeli fi",
            (await app.Portal("suomi-fi").GetJsonAsync("/api/v1/service-points/mikkeli")).GetProperty("name").GetString());
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task DeletingAServicePointThatRulesReferToAnswers409AndKeepsItWhole(Engine engine)
    {
        await using var app = new AjanvarausApp(engine);
        var op = app.Operator();
        await op.ProviderAsync("kela");
        await op.PointAsync(PointFixtures.Point("mikkeli", "491", "kela"));
        await (await op.PostAsJsonAsync("/api/v1/service-points/mikkeli/video-rooms",
            new { name = "Etähuone" })).ReadJsonAsync(HttpStatusCode.Created);
        await app.InsertRuleAtAsync("kela", "mikkeli");

        await (await op.DeleteAsync("/api/v1/service-points/mikkeli")).AssertProblemAsync(HttpStatusCode.Conflict);

        var point = await app.CreateClient().GetJsonAsync("/api/v1/service-points/mikkeli");
        Assert.Equal("Etähuone", Assert.Single(point.GetProperty("videoRooms").EnumerateArray()).GetProperty("name").GetString());
        Assert.Single(point.GetProperty("openingHours").EnumerateArray());
    }

    [Fact]
    public async Task DeletingAServicePointRemovesItsVideoRoomsAndClosures()
    {
        await using var app = new AjanvarausApp();
        var op = app.Operator();
        await op.PointAsync(PointFixtures.Point("mikkeli"));
        await (await op.PostAsJsonAsync("/api/v1/service-points/mikkeli/video-rooms",
            new { name = "Etähuone" })).ReadJsonAsync(HttpStatusCode.Created);
        await (await op.PostAsJsonAsync("/api/v1/service-points/mikkeli/closures", new { firstDay = "2026-12-24",
            lastDay = "2026-12-26" })).ReadJsonAsync(HttpStatusCode.Created);

        Assert.Equal(HttpStatusCode.NoContent, (await op.DeleteAsync("/api/v1/service-points/mikkeli")).StatusCode);

        await op.PointAsync(PointFixtures.Point("mikkeli"));
        Assert.Empty((await app.CreateClient().GetJsonAsync("/api/v1/service-points/mikkeli/video-rooms")).EnumerateArray());
        Assert.Empty((await app.CreateClient().GetJsonAsync("/api/v1/service-points/mikkeli/closures")).EnumerateArray());
    }
}
