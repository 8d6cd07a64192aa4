using System.Net;
using System.Net.Http.Json;
using Ajanvaraus.Api.Tests.Bookings;
using Ajanvaraus.Api.Tests.Infrastructure;

namespace Ajanvaraus.Api.Tests.Security;

public sealed class HoldCapTests
{
    private static readonly DateTimeOffset[] Times =
        [BookingWorld.Tuesday(9), BookingWorld.Tuesday(9, 45), BookingWorld.Tuesday(10, 30), BookingWorld.Tuesday(11, 15)];

    private static HttpRequestMessage Hold(BookingWorld world, DateTimeOffset start, string address)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/holds")
        {
            Content = JsonContent.Create(new
            {
                serviceId = world.ServiceId, expertId = world.Expert, start, channel = "in_person", servicePointId = "mikkeli",
            }),
        };
        request.Headers.Add(TestRemoteAddressStartupFilter.Header, address);
        request.Headers.AcceptLanguage.ParseAdd("en");
        return request;
    }

    [Fact]
    public async Task AnAddressKeepsAtMostThreeLiveHolds()
    {
        await using var world = await BookingWorld.CreateAsync(settings: new Dictionary<string, string?>
        {
            ["RateLimits:Anonymous:LiveHolds"] = "3",
        });
        var client = world.App.CreateClient();
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.Created, (await client.SendAsync(Hold(world, Times[i], "203.0.113.5"))).StatusCode);
        }

        var refused = await client.SendAsync(Hold(world, Times[3], "203.0.113.5"));
        var problem = await refused.AssertProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.Equal("Too many live holds", problem.GetProperty("title").GetString());
        // The first hold expires 10 minutes after it was made (the clock stands still in the world).
        Assert.Equal("600", refused.Headers.GetValues("Retry-After").Single());

        Assert.Equal(HttpStatusCode.Created, (await client.SendAsync(Hold(world, Times[3], "198.51.100.7"))).StatusCode);
    }

    [Fact]
    public async Task AnExpiredHoldNoLongerCounts()
    {
        await using var world = await BookingWorld.CreateAsync(settings: new Dictionary<string, string?>
        {
            ["RateLimits:Anonymous:LiveHolds"] = "1",
        });
        var client = world.App.CreateClient();
        Assert.Equal(HttpStatusCode.Created, (await client.SendAsync(Hold(world, Times[0], "203.0.113.5"))).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await client.SendAsync(Hold(world, Times[1], "203.0.113.5"))).StatusCode);

        world.Clock.Advance(TimeSpan.FromMinutes(11));
        Assert.Equal(HttpStatusCode.Created, (await client.SendAsync(Hold(world, Times[1], "203.0.113.5"))).StatusCode);
    }

    [Fact]
    public async Task APortalKeepsAtMostItsOwnCapWhateverItsAddress()
    {
        await using var world = await BookingWorld.CreateAsync(settings: new Dictionary<string, string?>
        {
            ["RateLimits:Portal:LiveHolds"] = "2",
        });
        var portal = world.App.Portal("mikkeli.fi");
        Assert.Equal(HttpStatusCode.Created, (await portal.SendAsync(Hold(world, Times[0], "203.0.113.5"))).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await portal.SendAsync(Hold(world, Times[1], "198.51.100.7"))).StatusCode);
        await (await portal.SendAsync(Hold(world, Times[2], "192.0.2.1"))).AssertProblemAsync(HttpStatusCode.TooManyRequests);

        Assert.Equal(HttpStatusCode.Created, (await world.App.Portal("suomi.fi").SendAsync(Hold(world, Times[2], "192.0.2.1"))).StatusCode);
    }

    [Fact]
    public async Task AnonymousHoldsTakeAtMostAQuarterOfAServicesDayAtAPoint()
    {
        // Two experts 09-12, 45 minutes: the day holds 8 appointments, a quarter of them is 2.
        await using var world = await BookingWorld.CreateAsync(experts: 2, settings: new Dictionary<string, string?>
        {
            ["RateLimits:Anonymous:HoldShareOfDay"] = "0.25",
        });
        var client = world.App.CreateClient();
        Assert.Equal(HttpStatusCode.Created, (await client.SendAsync(Hold(world, Times[0], "203.0.113.5"))).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await client.SendAsync(Hold(world, Times[1], "203.0.113.6"))).StatusCode);

        var refused = await client.SendAsync(Hold(world, Times[2], "203.0.113.7"));
        var problem = await refused.AssertProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.Equal("Too many holds on this day", problem.GetProperty("title").GetString());
        Assert.Equal("600", refused.Headers.GetValues("Retry-After").Single());

        // Another day, a portal's hold and a booking without a hold are not this cap's.
        Assert.Equal(HttpStatusCode.Created, (await client.SendAsync(Hold(world, Times[2].AddDays(1), "203.0.113.7"))).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await world.App.Portal("mikkeli.fi").SendAsync(Hold(world, Times[2], "203.0.113.7"))).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await world.BookAsync(world.Booking(Times[3]))).StatusCode);
    }
}
