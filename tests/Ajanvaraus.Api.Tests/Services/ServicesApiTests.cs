using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Ajanvaraus.Api.Availability;
using Ajanvaraus.Api.Services;
using Ajanvaraus.Api.Tests.Infrastructure;
using Dapper;
using Microsoft.Extensions.DependencyInjection;

namespace Ajanvaraus.Api.Tests.Services;

public sealed class ServicesApiTests
{
    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task AgencyAdminCreatesReadsReplacesAndDeletesAService(Engine engine)
    {
        await using var app = new AjanvarausApp(engine);
        var kela = await Catalogue.ProviderAsync(app, "kela");

        var created = await kela.PostAsJsonAsync("/api/v1/providers/kela/services", Catalogue.ServiceBody("Asumistuki", 45, "in_person",
            "remote_at_point"));
        var body = await created.ReadJsonAsync(HttpStatusCode.Created);
        var id = body.GetProperty("id").GetGuid();
        Assert.Equal($"/api/v1/providers/kela/services/{id}", created.Headers.Location?.ToString());
        Assert.Equal("kela", body.GetProperty("providerId").GetString());
        Assert.Equal(45, body.GetProperty("durationMinutes").GetInt32());
        Assert.Equal(["in_person", "remote_at_point"], body.GetProperty("channels").EnumerateArray().Select(c => c.GetString()));

        var read = await (await app.CreateClient().GetAsync(created.Headers.Location)).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal("Asumistuki", read.GetProperty("name").GetString());
        Assert.Equal("Asumistuki kuvaus", read.GetProperty("description").GetString());
        Assert.Equal("Asumistuki (sv)", read.GetProperty("names").GetProperty("sv").GetString());

        var replacement = Catalogue.ServiceBody("Opintotuki", 60, "video");
        replacement["minimumNoticeMinutes"] = 240;
        replacement["bookingHorizonDays"] = 30;
        replacement["cancellationCutoffMinutes"] = 60;
        var replaced = await (await kela.PutAsJsonAsync(created.Headers.Location, replacement)).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal("Opintotuki", replaced.GetProperty("name").GetString());

        var reread = await (await kela.GetAsync(created.Headers.Location)).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(60, reread.GetProperty("durationMinutes").GetInt32());
        Assert.Equal(["video"], reread.GetProperty("channels").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal(240, reread.GetProperty("minimumNoticeMinutes").GetInt32());
        Assert.Equal(30, reread.GetProperty("bookingHorizonDays").GetInt32());
        Assert.Equal(60, reread.GetProperty("cancellationCutoffMinutes").GetInt32());

        Assert.Equal(HttpStatusCode.NoContent, (await kela.DeleteAsync(created.Headers.Location)).StatusCode);
        await (await app.CreateClient().GetAsync(created.Headers.Location)).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Null(await app.Services.GetRequiredService<ServiceStore>().FindAsync(id, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task OmittedBookingRulesTakeTheirDefaults()
    {
        await using var app = new AjanvarausApp();
        var kela = await Catalogue.ProviderAsync(app, "kela");
        var body = new JsonObject { ["names"] = Catalogue.Names("Asumistuki"), ["durationMinutes"] = 30,
            ["channels"] = new JsonArray("phone") };

        var created = await (await kela.PostAsJsonAsync("/api/v1/providers/kela/services", body)).ReadJsonAsync(HttpStatusCode.Created);

        Assert.Equal(120, created.GetProperty("minimumNoticeMinutes").GetInt32());
        Assert.Equal(60, created.GetProperty("bookingHorizonDays").GetInt32());
        Assert.Equal(1440, created.GetProperty("cancellationCutoffMinutes").GetInt32());
        Assert.False(created.TryGetProperty("description", out _));
        Assert.False(created.TryGetProperty("card", out _));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task FindAsyncGivesOtherFeaturesTheBookingRulesAndChannelFlags(Engine engine)
    {
        await using var app = new AjanvarausApp(engine);
        var kela = await Catalogue.ProviderAsync(app, "kela");
        var body = Catalogue.ServiceBody("Asumistuki", 45, "remote_at_point", "phone");
        body["minimumNoticeMinutes"] = 0;
        var id = await Catalogue.ServiceAsync(kela, "kela", body);

        var row = await app.Services.GetRequiredService<ServiceStore>().FindAsync(id, TestContext.Current.CancellationToken);

        Assert.NotNull(row);
        Assert.Equal("kela", row.ProviderId);
        Assert.Equal(45, row.DurationMinutes);
        Assert.Equal(new ChannelFlags(AllowsInPerson: false, AllowsRemoteAtPoint: true, AllowsVideo: false, AllowsPhone: true),
            row.Channels);
        Assert.Equal((0, 60, 1440), (row.MinimumNoticeMinutes, row.BookingHorizonDays, row.CancellationCutoffMinutes));
        Assert.Equal("Asumistuki (en)", row.Names.En);
        Assert.True(row.IsActive);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task DeletingABookedServiceDeactivatesItInsteadOfBreakingItsBookings(Engine engine)
    {
        await using var app = new AjanvarausApp(engine);
        var kela = await Catalogue.ProviderAsync(app, "kela");
        var booked = await Catalogue.ServiceAsync(kela, "kela");
        var other = await Catalogue.ServiceAsync(kela, "kela");
        var expert = await Catalogue.ExpertAsync(kela, "kela", booked, other);
        await Catalogue.BookingAsync(app, "kela", booked, expert);

        Assert.Equal(HttpStatusCode.NoContent, (await kela.DeleteAsync($"/api/v1/providers/kela/services/{booked}")).StatusCode);

        var row = await app.Services.GetRequiredService<ServiceStore>().FindAsync(booked, TestContext.Current.CancellationToken);
        Assert.NotNull(row);
        Assert.False(row.IsActive);
        await (await app.CreateClient().GetAsync($"/api/v1/providers/kela/services/{booked}")).AssertProblemAsync(HttpStatusCode.NotFound);
        var catalogue = await (await app.CreateClient().GetAsync("/api/v1/providers/kela/services")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal([other], catalogue.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()));
        var expertNow = await (await kela.GetAsync($"/api/v1/experts/{expert}")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal([other], expertNow.GetProperty("serviceIds").EnumerateArray().Select(s => s.GetGuid()));

        // Gone for the agency too: a second delete or a replace finds nothing.
        await (await kela.DeleteAsync($"/api/v1/providers/kela/services/{booked}")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await kela.PutAsJsonAsync($"/api/v1/providers/kela/services/{booked}",
            Catalogue.ServiceBody())).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task DeletingAServiceUnlinksItFromExperts()
    {
        await using var app = new AjanvarausApp();
        var kela = await Catalogue.ProviderAsync(app, "kela");
        var service = await Catalogue.ServiceAsync(kela, "kela");
        await Catalogue.ExpertAsync(kela, "kela", service);

        Assert.Equal(HttpStatusCode.NoContent, (await kela.DeleteAsync($"/api/v1/providers/kela/services/{service}")).StatusCode);

        await using var c = await app.Db.OpenAsync(TestContext.Current.CancellationToken);
        Assert.Equal(0, await c.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM ExpertServices"));
    }

    [Fact]
    public async Task UnknownProviderOrServiceAnswers404()
    {
        await using var app = new AjanvarausApp();
        var kela = await Catalogue.ProviderAsync(app, "kela");
        var vero = await Catalogue.ProviderAsync(app, "vero");
        var veroService = await Catalogue.ServiceAsync(vero, "vero");
        var missing = Guid.CreateVersion7();

        await (await app.CreateClient().GetAsync("/api/v1/providers/nobody/services")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await app.AgencyAdmin("nobody").PostAsJsonAsync("/api/v1/providers/nobody/services",
            Catalogue.ServiceBody())).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await app.CreateClient().GetAsync($"/api/v1/providers/kela/services/{missing}")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await kela.PutAsJsonAsync($"/api/v1/providers/kela/services/{missing}",
            Catalogue.ServiceBody())).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await kela.DeleteAsync($"/api/v1/providers/kela/services/{missing}")).AssertProblemAsync(HttpStatusCode.NotFound);

        // Another provider's service is not found under this provider's path.
        await (await app.CreateClient().GetAsync($"/api/v1/providers/kela/services/{veroService}")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await kela.PutAsJsonAsync($"/api/v1/providers/kela/services/{veroService}",
            Catalogue.ServiceBody("Kaapattu"))).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await kela.DeleteAsync($"/api/v1/providers/kela/services/{veroService}")).AssertProblemAsync(HttpStatusCode.NotFound);
        var intact = await (await app.CreateClient().GetAsync($"/api/v1/providers/vero/services/{veroService}")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal("Asumistuki", intact.GetProperty("name").GetString());
    }
}
