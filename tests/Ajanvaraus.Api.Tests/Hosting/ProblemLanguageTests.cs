using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ajanvaraus.Api.Tests.Infrastructure;

namespace Ajanvaraus.Api.Tests.Hosting;

// Problem documents speak the caller's language (fi by default, sv, en by Accept-Language) and say so, as do the
// localized catalogue answers (issue 15, item 12).
public sealed class ProblemLanguageTests
{
    [Fact]
    public async Task AProblemIsInFinnishByDefault()
    {
        await using var app = new AjanvarausApp();
        var response = await app.CreateClient().GetAsync("/api/v1/providers/nobody");
        var problem = await response.AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal("Ei löydy", problem.GetProperty("title").GetString());
        AssertLocalized(response, "fi");
    }

    [Theory]
    [InlineData("sv-FI", "sv", "Begäran innehåller felaktiga uppgifter.", "Obligatoriskt.")]
    [InlineData("en-GB,fi;q=0.5", "en", "Some fields are not valid.", "Required.")]
    [InlineData("fi", "fi", "Pyynnössä on virheellisiä tietoja.", "Pakollinen tieto.")]
    [InlineData("de", "fi", "Pyynnössä on virheellisiä tietoja.", "Pakollinen tieto.")]
    public async Task ValidationTitleAndFieldMessagesFollowAcceptLanguage(string header, string language, string title, string required)
    {
        await using var app = new AjanvarausApp();
        var client = app.Operator();
        client.DefaultRequestHeaders.Add("Accept-Language", header);
        var response = await client.PostAsJsonAsync("/api/v1/providers", new { names = new { fi = "a", sv = "b", en = "c" } });
        var problem = await response.AssertValidationErrorAsync("id");
        Assert.Equal(title, problem.GetProperty("title").GetString());
        Assert.Equal(required, problem.GetProperty("errors").GetProperty("id")[0].GetString());
        AssertLocalized(response, language);
    }

    [Theory]
    [InlineData("fi", "Palveluntuottaja on jo olemassa", "Palveluntuottaja tunnisteella 'kela' on jo olemassa.")]
    [InlineData("sv", "Tjänsteleverantören finns redan", "En tjänsteleverantör med id 'kela' finns redan.")]
    [InlineData("en", "Provider exists", "A provider with id 'kela' exists already.")]
    public async Task AHandlersEnglishTextIsTranslatedWithItsValues(string language, string title, string detail)
    {
        await using var app = new AjanvarausApp();
        var body = new { id = "kela", names = new { fi = "Kela", sv = "FPA", en = "Kela" } };
        await app.Operator().PostAsJsonAsync("/api/v1/providers", body);
        var client = app.Operator();
        client.DefaultRequestHeaders.Add("Accept-Language", language);
        var response = await client.PostAsJsonAsync("/api/v1/providers", body);
        var problem = await response.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(title, problem.GetProperty("title").GetString());
        Assert.Equal(detail, problem.GetProperty("detail").GetString());
        AssertLocalized(response, language);
    }

    [Fact]
    public async Task AnUnauthorizedAnswerIsLocalizedToo()
    {
        await using var app = new AjanvarausApp();
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Add("Accept-Language", "sv");
        var response = await client.PostAsJsonAsync("/api/v1/providers", new { });
        var problem = await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal("Autentisering saknas eller är ogiltig", problem.GetProperty("title").GetString());
        AssertLocalized(response, "sv");
    }

    [Fact]
    public async Task LocalizedCatalogueAnswersCarryContentLanguageAndVary()
    {
        await using var app = new AjanvarausApp();
        await app.Operator().PostAsJsonAsync("/api/v1/providers", new { id = "kela", names = new { fi = "Kela", sv = "FPA",
            en = "Kela" } });
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Add("Accept-Language", "sv");
        foreach (var url in new[] { "/api/v1/providers", "/api/v1/providers/kela", "/api/v1/services", "/api/v1/service-points" })
        {
            var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            AssertLocalized(response, "sv");
        }

        var list = JsonDocument.Parse(await (await client.GetAsync("/api/v1/providers")).Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("FPA", list.GetProperty("items")[0].GetProperty("name").GetString());
    }

    private static void AssertLocalized(HttpResponseMessage response, string language)
    {
        Assert.Equal([language], response.Content.Headers.ContentLanguage);
        Assert.Contains("Accept-Language", response.Headers.Vary);
    }
}
