using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ajanvaraus.Api.Experts;
using Ajanvaraus.Api.Tests.Infrastructure;
using Ajanvaraus.Api.Tests.Services;
using Dapper;
using Microsoft.Extensions.DependencyInjection;

namespace Ajanvaraus.Api.Tests.Experts;

public sealed class ExpertsApiTests
{
    private static IEnumerable<string?> Strings(JsonElement array) => array.EnumerateArray().Select(e => e.GetString());

    private static IEnumerable<Guid> Guids(JsonElement array) => array.EnumerateArray().Select(e => e.GetGuid());

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task AgencyAdminCreatesReadsReplacesAndDeletesAnExpert(Engine engine)
    {
        await using var app = new AjanvarausApp(engine);
        var kela = await Catalogue.ProviderAsync(app, "kela");
        var housing = await Catalogue.ServiceAsync(kela, "kela", Catalogue.ServiceBody("Asumistuki"));
        var study = await Catalogue.ServiceAsync(kela, "kela", Catalogue.ServiceBody("Opintotuki"));

        var created = await kela.PostAsJsonAsync("/api/v1/providers/kela/experts", new { displayName = "Anna K.", languages = new[] { "sv",
            "fi", "fi" }, serviceIds = new[] { housing } });
        var body = await created.ReadJsonAsync(HttpStatusCode.Created);
        var id = body.GetProperty("id").GetGuid();
        Assert.Equal($"/api/v1/providers/kela/experts/{id}", created.Headers.Location?.ToString());
        Assert.Equal("kela", body.GetProperty("providerId").GetString());

        var read = await (await kela.GetAsync(created.Headers.Location)).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal("Anna K.", read.GetProperty("displayName").GetString());
        Assert.Equal(["fi", "sv"], Strings(read.GetProperty("languages")));
        Assert.Equal([housing], Guids(read.GetProperty("serviceIds")));

        var replaced = await kela.PutAsJsonAsync(created.Headers.Location, new { displayName = "Anna Korhonen", languages = new[] { "en",
            "so" }, serviceIds = new[] { study, housing } });
        Assert.Equal("Anna Korhonen", (await replaced.ReadJsonAsync(HttpStatusCode.OK)).GetProperty("displayName").GetString());

        var reread = await (await kela.GetAsync(created.Headers.Location)).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal("Anna Korhonen", reread.GetProperty("displayName").GetString());
        Assert.Equal(["en", "so"], Strings(reread.GetProperty("languages")));
        Assert.Equal(new[] { housing, study }.ToHashSet(), Guids(reread.GetProperty("serviceIds")).ToHashSet());

        Assert.Equal(HttpStatusCode.NoContent, (await kela.DeleteAsync(created.Headers.Location)).StatusCode);
        await (await kela.GetAsync(created.Headers.Location)).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await kela.GetAsync($"/api/v1/experts/{id}")).AssertProblemAsync(HttpStatusCode.NotFound);
        await using var c = await app.Db.OpenAsync(TestContext.Current.CancellationToken);
        Assert.Equal(0, await c.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM ExpertLanguages"));
        Assert.Equal(0, await c.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM ExpertServices"));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task FindAsyncGivesOtherFeaturesTheProviderLanguagesAndServices(Engine engine)
    {
        await using var app = new AjanvarausApp(engine);
        var kela = await Catalogue.ProviderAsync(app, "kela");
        var service = await Catalogue.ServiceAsync(kela, "kela");
        var created = await kela.PostAsJsonAsync("/api/v1/providers/kela/experts", new { displayName = "Matti V.",
            languages = new[] { "fi", "ru" }, serviceIds = new[] { service } });
        var id = (await created.ReadJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();

        var row = await app.Services.GetRequiredService<ExpertStore>().FindAsync(id, TestContext.Current.CancellationToken);

        Assert.NotNull(row);
        Assert.Equal(("kela", "Matti V."), (row.ProviderId, row.DisplayName));
        Assert.Equal(["fi", "ru"], row.Languages);
        Assert.Equal([service], row.ServiceIds);
        Assert.Null(await app.Services.GetRequiredService<ExpertStore>().FindAsync(Guid.CreateVersion7(),
            TestContext.Current.CancellationToken));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task ABookedExpertCannotBeDeleted(Engine engine)
    {
        await using var app = new AjanvarausApp(engine);
        var kela = await Catalogue.ProviderAsync(app, "kela");
        var service = await Catalogue.ServiceAsync(kela, "kela");
        var expert = await Catalogue.ExpertAsync(kela, "kela", service);
        await Catalogue.BookingAsync(app, "kela", service, expert);

        var response = await kela.DeleteAsync($"/api/v1/providers/kela/experts/{expert}");

        await response.AssertProblemAsync(HttpStatusCode.Conflict);
        var still = await (await kela.GetAsync($"/api/v1/providers/kela/experts/{expert}")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal([service], Guids(still.GetProperty("serviceIds")));
    }

    [Fact]
    public async Task ExpertsOfOneProviderPageWithACursor()
    {
        await using var app = new AjanvarausApp();
        var kela = await Catalogue.ProviderAsync(app, "kela");
        var vero = await Catalogue.ProviderAsync(app, "vero");
        var service = await Catalogue.ServiceAsync(kela, "kela");
        var kelas = new HashSet<Guid>();
        for (var i = 0; i < 5; i++)
        {
            kelas.Add(await Catalogue.ExpertAsync(kela, "kela", service));
        }

        await Catalogue.ExpertAsync(vero, "vero");

        var seen = new List<Guid>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await (await kela.GetAsync("/api/v1/providers/kela/experts?limit=2" + (cursor is null ? "" : "&cursor=" + cursor))).ReadJsonAsync(HttpStatusCode.OK);
            foreach (var item in page.GetProperty("items").EnumerateArray())
            {
                Assert.Equal("kela", item.GetProperty("providerId").GetString());
                Assert.Equal(["fi"], Strings(item.GetProperty("languages")));
                Assert.Equal([service], Guids(item.GetProperty("serviceIds")));
                seen.Add(item.GetProperty("id").GetGuid());
            }

            cursor = page.TryGetProperty("nextCursor", out var next) ? next.GetString() : null;
            pages++;
        }
        while (cursor is not null && pages < 10);

        Assert.Equal(3, pages);
        Assert.Equal(5, seen.Count);
        Assert.Equal(kelas, seen.ToHashSet());
    }

    [Fact]
    public async Task ExpertCanBeReadByIdAloneByItsOwnAgency()
    {
        await using var app = new AjanvarausApp();
        var kela = await Catalogue.ProviderAsync(app, "kela");
        var expert = await Catalogue.ExpertAsync(kela, "kela");

        var read = await (await kela.GetAsync($"/api/v1/experts/{expert}")).ReadJsonAsync(HttpStatusCode.OK);

        Assert.Equal(expert, read.GetProperty("id").GetGuid());
        Assert.Equal("kela", read.GetProperty("providerId").GetString());
        await (await kela.GetAsync($"/api/v1/experts/{Guid.CreateVersion7()}")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task UnknownProviderOrExpertAnswers404()
    {
        await using var app = new AjanvarausApp();
        var kela = await Catalogue.ProviderAsync(app, "kela");
        var vero = await Catalogue.ProviderAsync(app, "vero");
        var veroExpert = await Catalogue.ExpertAsync(vero, "vero");
        var missing = Guid.CreateVersion7();
        var body = new { displayName = "X", languages = new[] { "fi" }, serviceIds = Array.Empty<Guid>() };
        var nobody = app.AgencyAdmin("nobody");

        await (await nobody.GetAsync("/api/v1/providers/nobody/experts")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await nobody.PostAsJsonAsync("/api/v1/providers/nobody/experts", body)).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await kela.GetAsync($"/api/v1/providers/kela/experts/{missing}")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await kela.PutAsJsonAsync($"/api/v1/providers/kela/experts/{missing}", body)).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await kela.DeleteAsync($"/api/v1/providers/kela/experts/{missing}")).AssertProblemAsync(HttpStatusCode.NotFound);

        // Another provider's expert does not exist under this provider's path.
        await (await kela.GetAsync($"/api/v1/providers/kela/experts/{veroExpert}")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await kela.PutAsJsonAsync($"/api/v1/providers/kela/experts/{veroExpert}", body)).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await kela.DeleteAsync($"/api/v1/providers/kela/experts/{veroExpert}")).AssertProblemAsync(HttpStatusCode.NotFound);
        var intact = await (await vero.GetAsync($"/api/v1/experts/{veroExpert}")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal("Anna K.", intact.GetProperty("displayName").GetString());
    }
}
