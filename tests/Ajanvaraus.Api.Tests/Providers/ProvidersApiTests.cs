using System.Net;
using System.Net.Http.Json;
using Ajanvaraus.Api.Tests.Infrastructure;

namespace Ajanvaraus.Api.Tests.Providers;

public sealed class ProvidersApiTests
{
    private static object Provider(string id, string fi) => new { id, names = new { fi, sv = fi + " (sv)", en = fi + " (en)" } };

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task OperatorCreatesRenamesAndDeletesAProvider(Engine engine)
    {
        await using var app = new AjanvarausApp(engine);
        var op = app.Operator();

        var created = await op.PostAsJsonAsync("/api/v1/providers", Provider("kela", "Kela"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("/api/v1/providers/kela", created.Headers.Location?.ToString());

        var renamed = await op.PutAsJsonAsync("/api/v1/providers/kela", new { names = new { fi = "Kansaneläkelaitos", sv = "FPA",
            en = "Kela" } });
        Assert.Equal("Kansaneläkelaitos", (await renamed.ReadJsonAsync(HttpStatusCode.OK)).GetProperty("name").GetString());

        Assert.Equal(HttpStatusCode.NoContent, (await op.DeleteAsync("/api/v1/providers/kela")).StatusCode);
        await (await app.CreateClient().GetAsync("/api/v1/providers/kela")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task CreatingAProviderTwiceAnswers409()
    {
        await using var app = new AjanvarausApp();
        var op = app.Operator();
        await op.PostAsJsonAsync("/api/v1/providers", Provider("vero", "Vero"));
        var again = await op.PostAsJsonAsync("/api/v1/providers", Provider("vero", "Vero"));
        await again.AssertProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task ProviderIdMustBeASlug()
    {
        await using var app = new AjanvarausApp();
        var response = await app.Operator().PostAsJsonAsync("/api/v1/providers", Provider("Not A Slug", "X"));
        await response.AssertValidationErrorAsync("id");
    }

    [Fact]
    public async Task NamesFollowAcceptLanguage()
    {
        await using var app = new AjanvarausApp();
        await app.Operator().PostAsJsonAsync("/api/v1/providers", new { id = "kela", names = new { fi = "Kela", sv = "FPA",
            en = "Social Insurance" } });
        var client = app.CreateClient();

        async Task<string?> NameIn(string? language)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/providers/kela");
            if (language is not null)
            {
                request.Headers.AcceptLanguage.ParseAdd(language);
            }

            return (await (await client.SendAsync(request)).ReadJsonAsync(HttpStatusCode.OK)).GetProperty("name").GetString();
        }

        Assert.Equal("Kela", await NameIn(null));
        Assert.Equal("FPA", await NameIn("sv-FI"));
        Assert.Equal("Social Insurance", await NameIn("de, en;q=0.8, fi;q=0.5"));
    }

    [Fact]
    public async Task ListPagesWithACursorUntilTheEnd()
    {
        await using var app = new AjanvarausApp();
        var op = app.Operator();
        foreach (var id in new[] { "dvv", "kela", "poliisi", "te", "vero" })
        {
            await op.PostAsJsonAsync("/api/v1/providers", Provider(id, id));
        }

        var seen = new List<string>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await (await app.CreateClient().GetAsync($"/api/v1/providers?limit=2{(cursor is null ? "" : "&cursor=" + cursor)}")).ReadJsonAsync(HttpStatusCode.OK);
            seen.AddRange(page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()!));
            cursor = page.TryGetProperty("nextCursor", out var next) ? next.GetString() : null;
            pages++;
        }
        while (cursor is not null);

        Assert.Equal(["dvv", "kela", "poliisi", "te", "vero"], seen);
        Assert.Equal(3, pages);
    }

    [Fact]
    public async Task LimitOutOfRangeAnswers400NamingIt()
    {
        await using var app = new AjanvarausApp();
        var response = await app.CreateClient().GetAsync("/api/v1/providers?limit=500");
        await response.AssertValidationErrorAsync("limit");
    }
}
