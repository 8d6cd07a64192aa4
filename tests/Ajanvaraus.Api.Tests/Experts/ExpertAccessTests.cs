using System.Net;
using System.Net.Http.Json;
using Ajanvaraus.Api.Tests.Infrastructure;
using Ajanvaraus.Api.Tests.Services;

namespace Ajanvaraus.Api.Tests.Experts;

// Experts are agency data: another agency's admin gets 403 on every route, reads included.
public sealed class ExpertAccessTests
{
    private static readonly object ValidBody = new { displayName = "Kaapattu", languages = new[] { "fi" },
        serviceIds = Array.Empty<Guid>() };

    private static async Task<(HttpClient Kela, HttpClient Vero, Guid Expert)> SeedAsync(AjanvarausApp app)
    {
        var kela = await Catalogue.ProviderAsync(app, "kela");
        var vero = await Catalogue.ProviderAsync(app, "vero");
        var expert = await Catalogue.ExpertAsync(kela, "kela");
        return (kela, vero, expert);
    }

    private static async Task AssertUnchangedAsync(HttpClient kela, Guid expert)
    {
        var read = await (await kela.GetAsync($"/api/v1/providers/kela/experts/{expert}")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal("Anna K.", read.GetProperty("displayName").GetString());
    }

    [Fact]
    public async Task AgencyAdminCannotListAnotherAgencysExperts()
    {
        await using var app = new AjanvarausApp();
        var (_, vero, _) = await SeedAsync(app);

        await (await vero.GetAsync("/api/v1/providers/kela/experts")).AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task AgencyAdminCannotReadAnotherAgencysExpert()
    {
        await using var app = new AjanvarausApp();
        var (_, vero, expert) = await SeedAsync(app);

        await (await vero.GetAsync($"/api/v1/providers/kela/experts/{expert}")).AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task AgencyAdminCannotReadAnotherAgencysExpertById()
    {
        await using var app = new AjanvarausApp();
        var (_, vero, expert) = await SeedAsync(app);

        await (await vero.GetAsync($"/api/v1/experts/{expert}")).AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task AgencyAdminCannotCreateExpertsForAnotherAgency()
    {
        await using var app = new AjanvarausApp();
        var (kela, vero, expert) = await SeedAsync(app);

        await (await vero.PostAsJsonAsync("/api/v1/providers/kela/experts", ValidBody)).AssertProblemAsync(HttpStatusCode.Forbidden);

        var list = await (await kela.GetAsync("/api/v1/providers/kela/experts")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal([expert], list.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()));
    }

    [Fact]
    public async Task AgencyAdminCannotReplaceAnotherAgencysExpert()
    {
        await using var app = new AjanvarausApp();
        var (kela, vero, expert) = await SeedAsync(app);

        await (await vero.PutAsJsonAsync($"/api/v1/providers/kela/experts/{expert}",
            ValidBody)).AssertProblemAsync(HttpStatusCode.Forbidden);

        await AssertUnchangedAsync(kela, expert);
    }

    [Fact]
    public async Task AgencyAdminCannotDeleteAnotherAgencysExpert()
    {
        await using var app = new AjanvarausApp();
        var (kela, vero, expert) = await SeedAsync(app);

        await (await vero.DeleteAsync($"/api/v1/providers/kela/experts/{expert}")).AssertProblemAsync(HttpStatusCode.Forbidden);

        await AssertUnchangedAsync(kela, expert);
    }

    [Fact]
    public async Task ExpertsAreNotPublicNorForOtherRoles()
    {
        await using var app = new AjanvarausApp();
        var (_, _, expert) = await SeedAsync(app);

        foreach (var path in new[] { "/api/v1/providers/kela/experts", $"/api/v1/providers/kela/experts/{expert}",
            $"/api/v1/experts/{expert}" })
        {
            await (await app.CreateClient().GetAsync(path)).AssertProblemAsync(HttpStatusCode.Unauthorized);
            await (await app.Operator().GetAsync(path)).AssertProblemAsync(HttpStatusCode.Forbidden);
            await (await app.Adviser("mikkeli").GetAsync(path)).AssertProblemAsync(HttpStatusCode.Forbidden);
            await (await app.Portal("suomi-fi").GetAsync(path)).AssertProblemAsync(HttpStatusCode.Forbidden);
        }
    }
}
