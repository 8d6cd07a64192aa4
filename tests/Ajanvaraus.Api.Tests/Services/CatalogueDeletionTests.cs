using System.Net;
using System.Net.Http.Json;
using Ajanvaraus.Api.Tests.Infrastructure;
using Ajanvaraus.Api.Tests.ServicePoints;

namespace Ajanvaraus.Api.Tests.Services;

// One rule for services, experts and video rooms: confirmed bookings not yet over could neither be kept nor moved
// once their resource is gone, so the delete answers 409 saying how many there are, and changes nothing.
public sealed class CatalogueDeletionTests
{
    private static readonly DateTimeOffset NextWeek = DateTimeOffset.UtcNow.AddDays(7);

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task DeletingAServiceWithFutureBookingsAnswers409WithTheirNumber(Engine engine)
    {
        await using var app = new AjanvarausApp(engine);
        var kela = await Catalogue.ProviderAsync(app, "kela");
        var service = await Catalogue.ServiceAsync(kela, "kela");
        var expert = await Catalogue.ExpertAsync(kela, "kela", service);
        await Catalogue.BookingAtAsync(app, "kela", service, expert, NextWeek);
        await Catalogue.BookingAtAsync(app, "kela", service, expert, NextWeek.AddHours(1));
        await Catalogue.BookingAtAsync(app, "kela", service, expert, NextWeek.AddHours(2), status: "cancelled");

        var problem = await (await kela.DeleteAsync($"/api/v1/providers/kela/services/{service}")).AssertProblemAsync(HttpStatusCode.Conflict);

        Assert.Equal(2, problem.GetProperty("futureBookings").GetInt32());
        Assert.Contains("2", problem.GetProperty("detail").GetString());
        await (await app.CreateClient().GetAsync($"/api/v1/providers/kela/services/{service}")).ReadJsonAsync(HttpStatusCode.OK);
        var still = await (await kela.GetAsync($"/api/v1/experts/{expert}")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal([service], still.GetProperty("serviceIds").EnumerateArray().Select(s => s.GetGuid()));
    }

    [Fact]
    public async Task AServiceWhoseFutureBookingsAreCancelledIsDeactivated()
    {
        await using var app = new AjanvarausApp();
        var kela = await Catalogue.ProviderAsync(app, "kela");
        var service = await Catalogue.ServiceAsync(kela, "kela");
        var expert = await Catalogue.ExpertAsync(kela, "kela", service);
        await Catalogue.BookingAtAsync(app, "kela", service, expert, NextWeek, status: "cancelled");

        Assert.Equal(HttpStatusCode.NoContent, (await kela.DeleteAsync($"/api/v1/providers/kela/services/{service}")).StatusCode);
        await (await app.CreateClient().GetAsync($"/api/v1/providers/kela/services/{service}")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task DeletingAnExpertWithFutureBookingsAnswers409WithTheirNumber(Engine engine)
    {
        await using var app = new AjanvarausApp(engine);
        var kela = await Catalogue.ProviderAsync(app, "kela");
        var service = await Catalogue.ServiceAsync(kela, "kela");
        var expert = await Catalogue.ExpertAsync(kela, "kela", service);
        await Catalogue.BookingAtAsync(app, "kela", service, expert, NextWeek);

        var problem = await (await kela.DeleteAsync($"/api/v1/providers/kela/experts/{expert}")).AssertProblemAsync(HttpStatusCode.Conflict);

        Assert.Equal(1, problem.GetProperty("futureBookings").GetInt32());
        await (await kela.GetAsync($"/api/v1/providers/kela/experts/{expert}")).ReadJsonAsync(HttpStatusCode.OK);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task DeletingAVideoRoomWithFutureBookingsAnswers409WithTheirNumber(Engine engine)
    {
        await using var app = new AjanvarausApp(engine);
        var op = app.Operator();
        var kela = await Catalogue.ProviderAsync(app, "kela");
        await op.PointAsync(PointFixtures.Point("mikkeli", "491", "kela"));
        var rooms = "/api/v1/service-points/mikkeli/video-rooms";
        var room = (await (await op.PostAsJsonAsync(rooms,
            new { name = "Etähuone" })).ReadJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var service = await Catalogue.ServiceAsync(kela, "kela");
        var expert = await Catalogue.ExpertAsync(kela, "kela", service);
        await Catalogue.BookingAtAsync(app, "kela", service, expert, NextWeek, pointId: "mikkeli", roomId: room);
        await Catalogue.BookingAtAsync(app, "kela", service, expert, NextWeek.AddDays(1), pointId: "mikkeli", roomId: room);

        var problem = await (await op.DeleteAsync($"{rooms}/{room}")).AssertProblemAsync(HttpStatusCode.Conflict);

        Assert.Equal(2, problem.GetProperty("futureBookings").GetInt32());
        await (await app.CreateClient().GetAsync($"{rooms}/{room}")).ReadJsonAsync(HttpStatusCode.OK);
    }
}
