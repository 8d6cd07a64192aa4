using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Ajanvaraus.Api.Tests.Infrastructure;

namespace Ajanvaraus.Api.Tests.Services;

public sealed class ServiceCatalogueTests
{
    private static async Task<JsonElement> GetAsync(HttpClient client, string path, string? language)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (language is not null)
        {
            request.Headers.AcceptLanguage.ParseAdd(language);
        }

        return await (await client.SendAsync(request)).ReadJsonAsync(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData(null, "Asumistuki", "Apua asumistukeen")]
    [InlineData("fi", "Asumistuki", "Apua asumistukeen")]
    [InlineData("sv-FI", "Bostadsbidrag", "Hjälp med bostadsbidrag")]
    [InlineData("en-GB, fi;q=0.5", "Housing allowance", "Help with housing allowance")]
    [InlineData("de", "Asumistuki", "Apua asumistukeen")]
    public async Task NameAndDescriptionFollowAcceptLanguage(string? language, string name, string description)
    {
        await using var app = new AjanvarausApp();
        var kela = await Catalogue.ProviderAsync(app, "kela");
        var body = Catalogue.ServiceBody();
        body["names"] = new JsonObject { ["fi"] = "Asumistuki", ["sv"] = "Bostadsbidrag", ["en"] = "Housing allowance" };
        body["descriptions"] = new JsonObject { ["fi"] = "Apua asumistukeen", ["sv"] = "Hjälp med bostadsbidrag",
            ["en"] = "Help with housing allowance" };
        var id = await Catalogue.ServiceAsync(kela, "kela", body);

        var one = await GetAsync(app.CreateClient(), $"/api/v1/providers/kela/services/{id}", language);
        var listed = (await GetAsync(app.CreateClient(), "/api/v1/providers/kela/services", language)).GetProperty("items")[0];

        Assert.Equal(name, one.GetProperty("name").GetString());
        Assert.Equal(description, one.GetProperty("description").GetString());
        Assert.Equal(name, listed.GetProperty("name").GetString());
        Assert.Equal(description, listed.GetProperty("description").GetString());
        Assert.Equal("Bostadsbidrag", one.GetProperty("names").GetProperty("sv").GetString());
    }

    [Fact]
    public async Task AMissingTranslationOfADescriptionFallsBackToFinnish()
    {
        await using var app = new AjanvarausApp();
        var kela = await Catalogue.ProviderAsync(app, "kela");
        var body = Catalogue.ServiceBody();
        body["descriptions"] = new JsonObject { ["fi"] = "Vain suomeksi" };
        var id = await Catalogue.ServiceAsync(kela, "kela", body);

        var service = await GetAsync(app.CreateClient(), $"/api/v1/providers/kela/services/{id}", "en");

        Assert.Equal("Vain suomeksi", service.GetProperty("description").GetString());
    }

    [Fact]
    public async Task CatalogueListsOnlyThatProvidersServicesPageByPage()
    {
        await using var app = new AjanvarausApp();
        var kela = await Catalogue.ProviderAsync(app, "kela");
        var vero = await Catalogue.ProviderAsync(app, "vero");
        var kelas = new HashSet<Guid>();
        for (var i = 0; i < 5; i++)
        {
            kelas.Add(await Catalogue.ServiceAsync(kela, "kela", Catalogue.ServiceBody($"Palvelu {i}")));
        }

        await Catalogue.ServiceAsync(vero, "vero");

        var seen = new List<Guid>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await GetAsync(app.CreateClient(),
                "/api/v1/providers/kela/services?limit=2" + (cursor is null ? "" : "&cursor=" + cursor), null);
            var items = page.GetProperty("items").EnumerateArray().ToList();
            Assert.InRange(items.Count, 1, 2);
            Assert.All(items, item => Assert.Equal("kela", item.GetProperty("providerId").GetString()));
            seen.AddRange(items.Select(item => item.GetProperty("id").GetGuid()));
            cursor = page.TryGetProperty("nextCursor", out var next) ? next.GetString() : null;
            pages++;
        }
        while (cursor is not null && pages < 10);

        Assert.Equal(3, pages);
        Assert.Equal(5, seen.Count);
        Assert.Equal(kelas, seen.ToHashSet());
    }

    [Fact]
    public async Task ACursorThatIsNotOursAnswers400()
    {
        await using var app = new AjanvarausApp();
        await Catalogue.ProviderAsync(app, "kela");

        var response = await app.CreateClient().GetAsync("/api/v1/providers/kela/services?cursor=bm90LWEtZ3VpZA");

        await response.AssertValidationErrorAsync("cursor");
    }
}
