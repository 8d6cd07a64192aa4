using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Ajanvaraus.Api.Tests.Infrastructure;

namespace Ajanvaraus.Api.Tests.Services;

// A portal shows services as they come: by name in the reader's language, with the provider's name, page after page.
public sealed class ServiceOrderTests
{
    private static JsonObject Body(string fi, string sv) =>
        new() { ["names"] = new JsonObject { ["fi"] = fi, ["sv"] = sv, ["en"] = fi + " (en)" }, ["durationMinutes"] = 30,
            ["channels"] = new JsonArray("phone") };

    private static async Task<JsonElement> GetAsync(AjanvarausApp app, string url, string language)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.AcceptLanguage.ParseAdd(language);
        return await (await app.CreateClient().SendAsync(request)).ReadJsonAsync(HttpStatusCode.OK);
    }

    private static async Task<List<JsonElement>> AllPagesAsync(AjanvarausApp app, string url, string language)
    {
        var items = new List<JsonElement>();
        string? cursor = null;
        do
        {
            var page = await GetAsync(app, url + "?limit=2" + (cursor is null ? "" : "&cursor=" + cursor), language);
            items.AddRange(page.GetProperty("items").EnumerateArray());
            cursor = page.TryGetProperty("nextCursor", out var next) ? next.GetString() : null;
        }
        while (cursor is not null && items.Count < 20);
        return items;
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task ServicesComeByNameInTheAskedLanguageWithTheirProvidersNameAcrossPages(Engine engine)
    {
        await using var app = new AjanvarausApp(engine);
        var kela = await Catalogue.ProviderAsync(app, "kela");
        var vero = await Catalogue.ProviderAsync(app, "vero");
        // Made in an order that is neither the Finnish nor the Swedish one; two share a name (the id breaks the tie).
        await Catalogue.ServiceAsync(kela, "kela", Body("Opintotuki", "Studiestöd"));
        await Catalogue.ServiceAsync(vero, "vero", Body("Verokortti", "Skattekort"));
        await Catalogue.ServiceAsync(kela, "kela", Body("Asumistuki", "Bostadsbidrag"));
        await Catalogue.ServiceAsync(kela, "kela", Body("Lapsilisä", "Barnbidrag"));
        await Catalogue.ServiceAsync(kela, "kela", Body("Asumistuki", "Bostadsbidrag"));

        var fi = await AllPagesAsync(app, "/api/v1/services", "fi");
        var sv = await AllPagesAsync(app, "/api/v1/services", "sv");
        var kelas = await AllPagesAsync(app, "/api/v1/providers/kela/services", "sv");

        Assert.Equal(["Asumistuki", "Asumistuki", "Lapsilisä", "Opintotuki", "Verokortti"],
            fi.Select(i => i.GetProperty("name").GetString()));
        Assert.Equal(5, fi.Select(i => i.GetProperty("id").GetGuid()).Distinct().Count());
        Assert.Equal(["Barnbidrag", "Bostadsbidrag", "Bostadsbidrag", "Skattekort", "Studiestöd"],
            sv.Select(i => i.GetProperty("name").GetString()));
        Assert.Equal(["KELA (sv)", "KELA (sv)", "KELA (sv)", "VERO (sv)", "KELA (sv)"],
            sv.Select(i => i.GetProperty("providerName").GetString()));
        Assert.Equal(["Barnbidrag", "Bostadsbidrag", "Bostadsbidrag", "Studiestöd"], kelas.Select(i => i.GetProperty("name").GetString()));
    }

    [Fact]
    public async Task ACursorOfTheListInAnotherLanguageAnswers400()
    {
        await using var app = new AjanvarausApp();
        var kela = await Catalogue.ProviderAsync(app, "kela");
        await Catalogue.ServiceAsync(kela, "kela", Body("Opintotuki", "Studiestöd"));
        await Catalogue.ServiceAsync(kela, "kela", Body("Asumistuki", "Bostadsbidrag"));
        var cursor = (await GetAsync(app, "/api/v1/services?limit=1", "fi")).GetProperty("nextCursor").GetString();

        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/services?limit=1&cursor={cursor}");
        request.Headers.AcceptLanguage.ParseAdd("sv");
        await (await app.CreateClient().SendAsync(request)).AssertValidationErrorAsync("cursor");
    }

    [Fact]
    public async Task AServiceCarriesItsProvidersNameWhenReadAndWritten()
    {
        await using var app = new AjanvarausApp();
        var kela = await Catalogue.ProviderAsync(app, "kela");
        var created = await (await kela.PostAsJsonAsync("/api/v1/providers/kela/services", Body("Opintotuki",
            "Studiestöd"))).ReadJsonAsync(HttpStatusCode.Created);
        var id = created.GetProperty("id").GetGuid();

        Assert.Equal("KELA", created.GetProperty("providerName").GetString());
        Assert.Equal("KELA (en)", (await GetAsync(app, $"/api/v1/providers/kela/services/{id}",
            "en")).GetProperty("providerName").GetString());
        var replaced = await (await kela.PutAsJsonAsync($"/api/v1/providers/kela/services/{id}", Body("Opintoraha",
            "Studiepenning"))).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal("KELA", replaced.GetProperty("providerName").GetString());
    }
}
