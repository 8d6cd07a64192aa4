using System.Net;
using System.Net.Http.Json;
using Ajanvaraus.Api.Tests.Infrastructure;

namespace Ajanvaraus.Api.Tests.Services;

public sealed class ServiceAccessTests
{
    [Fact]
    public async Task AnotherAgencysAdminCannotCreateServicesForKela()
    {
        await using var app = new AjanvarausApp();
        await Catalogue.ProviderAsync(app, "kela");
        var vero = await Catalogue.ProviderAsync(app, "vero");

        var response = await vero.PostAsJsonAsync("/api/v1/providers/kela/services", Catalogue.ServiceBody());

        await response.AssertProblemAsync(HttpStatusCode.Forbidden);
        var list = await (await app.CreateClient().GetAsync("/api/v1/providers/kela/services")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Empty(list.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task AnotherAgencysAdminCannotReplaceKelasService()
    {
        await using var app = new AjanvarausApp();
        var kela = await Catalogue.ProviderAsync(app, "kela");
        var vero = await Catalogue.ProviderAsync(app, "vero");
        var id = await Catalogue.ServiceAsync(kela, "kela");

        var response = await vero.PutAsJsonAsync($"/api/v1/providers/kela/services/{id}", Catalogue.ServiceBody("Kaapattu"));

        await response.AssertProblemAsync(HttpStatusCode.Forbidden);
        var service = await (await app.CreateClient().GetAsync($"/api/v1/providers/kela/services/{id}")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal("Asumistuki", service.GetProperty("name").GetString());
    }

    [Fact]
    public async Task AnotherAgencysAdminCannotDeleteKelasService()
    {
        await using var app = new AjanvarausApp();
        var kela = await Catalogue.ProviderAsync(app, "kela");
        var vero = await Catalogue.ProviderAsync(app, "vero");
        var id = await Catalogue.ServiceAsync(kela, "kela");

        var response = await vero.DeleteAsync($"/api/v1/providers/kela/services/{id}");

        await response.AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.OK, (await app.CreateClient().GetAsync($"/api/v1/providers/kela/services/{id}")).StatusCode);
    }

    [Fact]
    public async Task OnlyAgencyAdminsWriteServices()
    {
        await using var app = new AjanvarausApp();
        await Catalogue.ProviderAsync(app, "kela");
        var body = Catalogue.ServiceBody();

        await (await app.CreateClient().PostAsJsonAsync("/api/v1/providers/kela/services",
            body)).AssertProblemAsync(HttpStatusCode.Unauthorized);
        await (await app.Operator().PostAsJsonAsync("/api/v1/providers/kela/services", body)).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await app.Adviser("mikkeli").PostAsJsonAsync("/api/v1/providers/kela/services",
            body)).AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task ServiceCardIsShownToTheProvidersAdminAndAdvisersOnly()
    {
        await using var app = new AjanvarausApp();
        var kela = await Catalogue.ProviderAsync(app, "kela");
        var vero = await Catalogue.ProviderAsync(app, "vero");
        var id = await Catalogue.ServiceAsync(kela, "kela");
        var path = $"/api/v1/providers/kela/services/{id}";

        async Task<bool> SeesCard(HttpClient client)
        {
            var service = await (await client.GetAsync(path)).ReadJsonAsync(HttpStatusCode.OK);
            Assert.Equal("Asumistuki", service.GetProperty("name").GetString());
            if (!service.TryGetProperty("card", out var card))
            {
                return false;
            }

            Assert.Equal("Ota mukaan vuokrasopimus", card.GetProperty("fi").GetString());
            Assert.Equal("Bring the lease", card.GetProperty("en").GetString());
            return true;
        }

        Assert.True(await SeesCard(kela));
        Assert.True(await SeesCard(app.Adviser("mikkeli")));
        Assert.False(await SeesCard(app.CreateClient()));
        Assert.False(await SeesCard(app.Portal("suomi-fi")));
        Assert.False(await SeesCard(vero));

        var list = await (await kela.GetAsync("/api/v1/providers/kela/services")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.False(list.GetProperty("items")[0].TryGetProperty("card", out _));
    }
}
