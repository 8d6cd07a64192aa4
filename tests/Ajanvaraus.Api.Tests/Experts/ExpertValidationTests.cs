using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Ajanvaraus.Api.Tests.Infrastructure;
using Ajanvaraus.Api.Tests.Services;

namespace Ajanvaraus.Api.Tests.Experts;

public sealed class ExpertValidationTests
{
    private static JsonObject Body(string displayName = "Anna K.", JsonArray? languages = null, params Guid[] serviceIds) => new()
    {
        ["displayName"] = displayName,
        ["languages"] = languages ?? new JsonArray("fi"),
        ["serviceIds"] = new JsonArray(serviceIds.Select(id => (JsonNode)id.ToString()).ToArray()),
    };

    public static TheoryData<string, string, string> InvalidFields => new()
    {
        { "displayName", "\"\"", "displayName" },
        { "displayName", "\"   \"", "displayName" },
        { "displayName", $"\"{new string('a', 101)}\"", "displayName" },
        { "displayName", "null", "displayName" },
        { "languages", "[]", "languages" },
        { "languages", "null", "languages" },
        { "languages", """["FI"]""", "languages" },
        { "languages", """["fin"]""", "languages" },
        { "languages", """["fi", "sv-FI"]""", "languages" },
        { "languages", """["f1"]""", "languages" },
        { "serviceIds", "null", "serviceIds" },
    };

    [Theory]
    [MemberData(nameof(InvalidFields))]
    public async Task CreatingAnExpertWithAnInvalidFieldAnswers400NamingIt(string field, string json, string errorKey)
    {
        await using var app = new AjanvarausApp();
        var kela = await Catalogue.ProviderAsync(app, "kela");
        var body = Body();
        body[field] = JsonNode.Parse(json);

        var response = await kela.PostAsJsonAsync("/api/v1/providers/kela/experts", body);

        await response.AssertValidationErrorAsync(errorKey);
        await AssertNoExpertsAsync(kela);
    }

    [Fact]
    public async Task AnotherProvidersServiceIsRefusedNamingServiceIds()
    {
        await using var app = new AjanvarausApp();
        var kela = await Catalogue.ProviderAsync(app, "kela");
        var vero = await Catalogue.ProviderAsync(app, "vero");
        var own = await Catalogue.ServiceAsync(kela, "kela");
        var foreign = await Catalogue.ServiceAsync(vero, "vero");

        var response = await kela.PostAsJsonAsync("/api/v1/providers/kela/experts", Body(serviceIds: [own, foreign]));

        await response.AssertValidationErrorAsync("serviceIds");
        await AssertNoExpertsAsync(kela);
    }

    [Fact]
    public async Task AnUnknownServiceIsRefusedNamingServiceIds()
    {
        await using var app = new AjanvarausApp();
        var kela = await Catalogue.ProviderAsync(app, "kela");

        var response = await kela.PostAsJsonAsync("/api/v1/providers/kela/experts", Body(serviceIds: Guid.CreateVersion7()));

        await response.AssertValidationErrorAsync("serviceIds");
        await AssertNoExpertsAsync(kela);
    }

    [Fact]
    public async Task ARefusedReplaceLeavesNameLanguagesAndServicesAsTheyWere()
    {
        await using var app = new AjanvarausApp();
        var kela = await Catalogue.ProviderAsync(app, "kela");
        var vero = await Catalogue.ProviderAsync(app, "vero");
        var own = await Catalogue.ServiceAsync(kela, "kela");
        var foreign = await Catalogue.ServiceAsync(vero, "vero");
        var expert = await Catalogue.ExpertAsync(kela, "kela", own);

        var response = await kela.PutAsJsonAsync($"/api/v1/providers/kela/experts/{expert}", Body("Uusi nimi", new JsonArray("sv"),
            foreign));

        await response.AssertValidationErrorAsync("serviceIds");
        var read = await (await kela.GetAsync($"/api/v1/providers/kela/experts/{expert}")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal("Anna K.", read.GetProperty("displayName").GetString());
        Assert.Equal(["fi"], read.GetProperty("languages").EnumerateArray().Select(l => l.GetString()));
        Assert.Equal([own], read.GetProperty("serviceIds").EnumerateArray().Select(s => s.GetGuid()));
    }

    [Fact]
    public async Task ReplacingWithABadLanguageCodeAnswers400()
    {
        await using var app = new AjanvarausApp();
        var kela = await Catalogue.ProviderAsync(app, "kela");
        var expert = await Catalogue.ExpertAsync(kela, "kela");

        var response = await kela.PutAsJsonAsync($"/api/v1/providers/kela/experts/{expert}", Body(languages: new JsonArray("suomi")));

        await response.AssertValidationErrorAsync("languages");
    }

    private static async Task AssertNoExpertsAsync(HttpClient kela)
    {
        var list = await (await kela.GetAsync("/api/v1/providers/kela/experts")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Empty(list.GetProperty("items").EnumerateArray());
    }
}
