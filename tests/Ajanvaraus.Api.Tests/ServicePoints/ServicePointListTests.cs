using System.Net;
using Ajanvaraus.Api.Tests.Infrastructure;

namespace Ajanvaraus.Api.Tests.ServicePoints;

public sealed class ServicePointListTests
{
    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task ListFiltersByMunicipalityProviderAndService(Engine engine)
    {
        await using var app = new AjanvarausApp(engine);
        var op = app.Operator();
        await op.ProviderAsync("kela");
        await op.ProviderAsync("vero");
        await op.ProviderAsync("poliisi");
        await op.PointAsync(PointFixtures.Point("mikkeli-yps", "491", "kela", "vero"));
        await op.PointAsync(PointFixtures.Point("mikkeli-kirjasto", "491", "vero"));
        await op.PointAsync(PointFixtures.Point("parainen", "445", "kela"));
        await op.PointAsync(PointFixtures.Point("pelkosenniemi", "583"));
        var kelaService = await app.InsertServiceAsync("kela");
        var poliisiService = await app.InsertServiceAsync("poliisi");
        var anyone = app.CreateClient();

        async Task<List<string>> Listed(string query) => (await anyone.GetJsonAsync($"/api/v1/service-points?{query}")).GetProperty("items").Ids();

        Assert.Equal(["mikkeli-kirjasto", "mikkeli-yps", "parainen", "pelkosenniemi"], await Listed(""));
        Assert.Equal(["mikkeli-kirjasto", "mikkeli-yps"], await Listed("municipality=491"));
        Assert.Equal(["mikkeli-yps", "parainen"], await Listed("provider=kela"));
        Assert.Equal(["mikkeli-yps"], await Listed("provider=kela&municipality=491"));
        Assert.Equal(["mikkeli-yps", "parainen"], await Listed($"service={kelaService}"));
        Assert.Equal(["parainen"], await Listed($"service={kelaService}&municipality=445"));
        Assert.Empty(await Listed($"service={poliisiService}"));
        Assert.Empty(await Listed($"service={Guid.CreateVersion7()}"));
        Assert.Empty(await Listed("provider=nobody"));
        Assert.Empty(await Listed("municipality=091"));
    }

    [Fact]
    public async Task ListPagesWithACursorUntilTheEnd()
    {
        await using var app = new AjanvarausApp();
        var op = app.Operator();
        string[] ids = ["a-point", "b-point", "c-point", "d-point", "e-point"];
        foreach (var id in ids.Reverse())
        {
            await op.PointAsync(PointFixtures.Point(id));
        }

        var seen = new List<string>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await app.CreateClient().GetJsonAsync($"/api/v1/service-points?limit=2{(cursor is null ? "" : "&cursor=" + cursor)}");
            seen.AddRange(page.GetProperty("items").Ids());
            cursor = page.TryGetProperty("nextCursor", out var next) ? next.GetString() : null;
            pages++;
        }
        while (cursor is not null);

        Assert.Equal(ids, seen);
        Assert.Equal(3, pages);
    }

    [Fact]
    public async Task PagingKeepsTheFilter()
    {
        await using var app = new AjanvarausApp();
        var op = app.Operator();
        foreach (var (id, code) in new[] { ("a", "491"), ("b", "091"), ("c", "491"), ("d", "491") })
        {
            await op.PointAsync(PointFixtures.Point(id, code));
        }

        var first = await app.CreateClient().GetJsonAsync("/api/v1/service-points?municipality=491&limit=2");
        Assert.Equal(["a", "c"], first.GetProperty("items").Ids());
        var second = await app.CreateClient().GetJsonAsync($"/api/v1/service-points?municipality=491&limit=2&cursor={first.GetProperty("nextCursor").GetString()}");
        Assert.Equal(["d"], second.GetProperty("items").Ids());
        Assert.False(second.TryGetProperty("nextCursor", out _));
    }

    [Theory]
    [InlineData(null, "parainen fi", "Parainen", "Luiska pihalla")]
    [InlineData("fi-FI", "parainen fi", "Parainen", "Luiska pihalla")]
    [InlineData("sv-FI", "parainen sv", "Pargas", "Ramp på gården")]
    [InlineData("en", "parainen en", "Parainen", "Ramp in the yard")]
    public async Task ListTextsFollowAcceptLanguage(string? language, string name, string municipality, string accessibility)
    {
        await using var app = new AjanvarausApp();
        var body = PointFixtures.Point("parainen", "445");
        body["accessibilityNotes"] = new { fi = "Luiska pihalla", sv = "Ramp på gården", en = "Ramp in the yard" };
        await app.Operator().PointAsync(body);

        var item = (await app.CreateClient().GetJsonAsync("/api/v1/service-points", language)).GetProperty("items")[0];
        Assert.Equal(name, item.GetProperty("name").GetString());
        Assert.Equal(municipality, item.GetProperty("municipalityName").GetString());
        Assert.Equal(accessibility, item.GetProperty("accessibility").GetString());
        Assert.Equal("445", item.GetProperty("municipalityCode").GetString());

        var detail = await app.CreateClient().GetJsonAsync("/api/v1/service-points/parainen", language);
        Assert.Equal(name, detail.GetProperty("name").GetString());
        Assert.Equal(municipality, detail.GetProperty("municipalityName").GetString());
        Assert.Equal(accessibility, detail.GetProperty("accessibility").GetString());
        Assert.Equal("Ramp på gården", detail.GetProperty("accessibilityNotes").GetProperty("sv").GetString());
    }

    [Fact]
    public async Task AccessibilityFallsBackToFinnishWhereATranslationIsMissing()
    {
        await using var app = new AjanvarausApp();
        var body = PointFixtures.Point("saarijarvi", "729");
        body["accessibilityNotes"] = new { fi = "Hissi" };
        await app.Operator().PointAsync(body);

        var item = (await app.CreateClient().GetJsonAsync("/api/v1/service-points", "sv")).GetProperty("items")[0];
        Assert.Equal("Hissi", item.GetProperty("accessibility").GetString());
    }

    [Theory]
    [InlineData("municipality=49", "municipality")]
    [InlineData("municipality=abc", "municipality")]
    [InlineData("limit=0", "limit")]
    public async Task InvalidListQueryAnswers400NamingIt(string query, string field)
    {
        await using var app = new AjanvarausApp();
        var response = await app.CreateClient().GetAsync($"/api/v1/service-points?{query}");
        await response.AssertValidationErrorAsync(field);
    }

    [Fact]
    public async Task ServiceFilterMustBeAGuid()
    {
        await using var app = new AjanvarausApp();
        var response = await app.CreateClient().GetAsync("/api/v1/service-points?service=not-a-guid");
        await response.AssertProblemAsync(HttpStatusCode.BadRequest);
    }
}
