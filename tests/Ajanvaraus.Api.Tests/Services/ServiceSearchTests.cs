using System.Net;
using System.Text.Json;
using Ajanvaraus.Api.Tests.Infrastructure;

namespace Ajanvaraus.Api.Tests.Services;

public sealed class ServiceSearchTests
{
    // kela (at Mikkeli's two points), vero (at one Mikkeli point), poliisi (at Oulu), te (nowhere).
    private static async Task<Dictionary<string, Guid>> SeedAsync(AjanvarausApp app)
    {
        var ids = new Dictionary<string, Guid>();
        foreach (var provider in new[] { "kela", "vero", "poliisi", "te" })
        {
            await Catalogue.ProviderAsync(app, provider);
        }

        ids["kela-housing"] = await Catalogue.ServiceAsync(app.AgencyAdmin("kela"), "kela", Catalogue.ServiceBody("Asumistuki", 30,
            "in_person", "phone"));
        ids["kela-study"] = await Catalogue.ServiceAsync(app.AgencyAdmin("kela"), "kela", Catalogue.ServiceBody("Opintotuki", 30, "video"));
        ids["vero-card"] = await Catalogue.ServiceAsync(app.AgencyAdmin("vero"), "vero", Catalogue.ServiceBody("Verokortti", 15,
            "remote_at_point"));
        ids["poliisi-passport"] = await Catalogue.ServiceAsync(app.AgencyAdmin("poliisi"), "poliisi", Catalogue.ServiceBody("Passi", 20,
            "in_person"));
        ids["te-job"] = await Catalogue.ServiceAsync(app.AgencyAdmin("te"), "te", Catalogue.ServiceBody("Työnhaku", 60, "phone", "video"));

        await Catalogue.PointAsync(app, "mikkeli-keskusta", "491", "kela", "vero");
        await Catalogue.PointAsync(app, "mikkeli-otava", "491", "kela");
        await Catalogue.PointAsync(app, "oulu-kiiminki", "564", "poliisi");
        return ids;
    }

    private static async Task<JsonElement> SearchAsync(AjanvarausApp app, string query, string? language = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/services" + query);
        if (language is not null)
        {
            request.Headers.AcceptLanguage.ParseAdd(language);
        }

        return await (await app.CreateClient().SendAsync(request)).ReadJsonAsync(HttpStatusCode.OK);
    }

    private static async Task<HashSet<Guid>> FoundAsync(AjanvarausApp app, string query) =>
        (await SearchAsync(app, query)).GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).ToHashSet();

    private static HashSet<Guid> Of(Dictionary<string, Guid> ids, params string[] names) => names.Select(n => ids[n]).ToHashSet();

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task SearchFiltersByProviderPointMunicipalityAndChannel(Engine engine)
    {
        await using var app = new AjanvarausApp(engine);
        var ids = await SeedAsync(app);

        Assert.Equal(ids.Values.ToHashSet(), await FoundAsync(app, ""));
        Assert.Equal(Of(ids, "kela-housing", "kela-study"), await FoundAsync(app, "?provider=kela"));
        Assert.Equal(Of(ids, "kela-housing", "kela-study", "vero-card"), await FoundAsync(app, "?servicePoint=mikkeli-keskusta"));
        Assert.Equal(Of(ids, "kela-housing", "kela-study"), await FoundAsync(app, "?servicePoint=mikkeli-otava"));
        Assert.Equal(Of(ids, "kela-housing", "kela-study", "vero-card"), await FoundAsync(app, "?municipality=491"));
        Assert.Equal(Of(ids, "poliisi-passport"), await FoundAsync(app, "?municipality=564"));
        Assert.Empty(await FoundAsync(app, "?municipality=091"));
        Assert.Equal(Of(ids, "kela-housing", "te-job"), await FoundAsync(app, "?channel=phone"));
        Assert.Equal(Of(ids, "kela-housing", "poliisi-passport"), await FoundAsync(app, "?channel=in_person"));
        Assert.Equal(Of(ids, "kela-housing"), await FoundAsync(app, "?municipality=491&channel=in_person"));
        Assert.Equal(Of(ids, "vero-card"), await FoundAsync(app, "?servicePoint=mikkeli-keskusta&channel=remote_at_point&provider=vero"));
    }

    [Fact]
    public async Task SearchItemsCarryProviderDurationChannelsAndLocalizedTexts()
    {
        await using var app = new AjanvarausApp();
        var ids = await SeedAsync(app);

        var item = (await SearchAsync(app, "?provider=vero", "sv-FI")).GetProperty("items")[0];

        Assert.Equal("vero", item.GetProperty("providerId").GetString());
        Assert.Equal(ids["vero-card"], item.GetProperty("id").GetGuid());
        Assert.Equal("Verokortti (sv)", item.GetProperty("name").GetString());
        Assert.Equal("Verokortti beskrivning", item.GetProperty("description").GetString());
        Assert.Equal(15, item.GetProperty("durationMinutes").GetInt32());
        Assert.Equal(["remote_at_point"], item.GetProperty("channels").EnumerateArray().Select(c => c.GetString()));
        Assert.False(item.TryGetProperty("card", out _));
    }

    [Theory]
    [InlineData("?municipality=49", "municipality")]
    [InlineData("?municipality=mikkeli", "municipality")]
    [InlineData("?channel=InPerson", "channel")]
    [InlineData("?channel=carrier_pigeon", "channel")]
    [InlineData("?provider=Kela%20Oy", "provider")]
    [InlineData("?servicePoint=Mikkeli!", "servicePoint")]
    [InlineData("?cursor=bm90LWEtZ3VpZA", "cursor")]
    [InlineData("?limit=0", "limit")]
    public async Task InvalidSearchFiltersAnswer400NamingThem(string query, string field)
    {
        await using var app = new AjanvarausApp();

        var response = await app.CreateClient().GetAsync("/api/v1/services" + query);

        await response.AssertValidationErrorAsync(field);
    }

    [Fact]
    public async Task DeactivatedServicesAreNotFound()
    {
        await using var app = new AjanvarausApp();
        var ids = await SeedAsync(app);
        var kela = app.AgencyAdmin("kela");
        var expert = await Catalogue.ExpertAsync(kela, "kela", ids["kela-study"]);
        await Catalogue.BookingAsync(app, "kela", ids["kela-study"], expert);
        Assert.Equal(HttpStatusCode.NoContent, (await kela.DeleteAsync($"/api/v1/providers/kela/services/{ids["kela-study"]}")).StatusCode);

        Assert.Equal(Of(ids, "kela-housing"), await FoundAsync(app, "?provider=kela"));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task SearchPagesWithACursorThroughEveryService(Engine engine)
    {
        await using var app = new AjanvarausApp(engine);
        var ids = await SeedAsync(app);

        var seen = new List<Guid>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await SearchAsync(app, "?limit=2" + (cursor is null ? "" : "&cursor=" + cursor));
            seen.AddRange(page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()));
            cursor = page.TryGetProperty("nextCursor", out var next) ? next.GetString() : null;
            pages++;
        }
        while (cursor is not null && pages < 10);

        Assert.Equal(3, pages);
        Assert.Equal(5, seen.Count);
        Assert.Equal(ids.Values.ToHashSet(), seen.ToHashSet());
    }
}
