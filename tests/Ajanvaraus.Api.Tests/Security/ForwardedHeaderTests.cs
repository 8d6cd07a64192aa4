using System.Net;
using System.Net.Http.Json;
using Ajanvaraus.Api.Tests.Bookings;
using Ajanvaraus.Api.Tests.Infrastructure;

namespace Ajanvaraus.Api.Tests.Security;

// Forwarded headers are believed only from the proxies named in ForwardedHeaders:KnownProxies / KnownNetworks; with
// none configured (the default) no one's are.
public sealed class ForwardedHeaderTests
{
    private const string Forger = "127.0.0.61";
    private const string Victim = "127.0.0.60";

    private static HttpRequestMessage From(HttpRequestMessage request, string address, string? forwardedFor = null)
    {
        request.Headers.Add(TestRemoteAddressStartupFilter.Header, address);
        request.Headers.AcceptLanguage.ParseAdd("en");
        if (forwardedFor is not null)
        {
            request.Headers.Add("X-Forwarded-For", forwardedFor);
        }

        return request;
    }

    private static HttpRequestMessage Hold(BookingWorld world, DateTimeOffset start, string address, string? forwardedFor = null) =>
        From(new HttpRequestMessage(HttpMethod.Post, "/api/v1/holds")
        {
            Content = JsonContent.Create(new
            {
                serviceId = world.ServiceId, expertId = world.Expert, start, channel = "in_person", servicePointId = "mikkeli",
            }),
        }, address, forwardedFor);

    [Fact]
    public async Task WrongTokensWithAForgedForwardedForLockTheForgerNotTheAddressItNames()
    {
        await using var world = await BookingWorld.CreateAsync(settings: new Dictionary<string, string?>
        {
            ["RateLimits:WrongTokens:Allowed"] = "5",
        });
        var booking = await world.BookOkAsync(world.Booking(BookingWorld.Tuesday(9)));
        var path = $"/api/v1/bookings/{booking.GetProperty("id").GetString()}";
        var token = booking.GetProperty("manageToken").GetString()!;
        var client = world.App.CreateClient();

        for (var i = 0; i < 5; i++)
        {
            var guess = From(BookingWorld.WithToken(HttpMethod.Get, path, $"guess-{i}"), Forger, Victim);
            Assert.Equal(HttpStatusCode.NotFound, (await client.SendAsync(guess)).StatusCode);
        }

        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(From(BookingWorld.WithToken(HttpMethod.Get, path, token), Victim))).StatusCode);
        await (await client.SendAsync(From(BookingWorld.WithToken(HttpMethod.Get, path, token), Forger, "192.0.2.77")))
            .AssertProblemAsync(HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public async Task ARotatingForgedForwardedForDoesNotEscapeTheLiveHoldCap()
    {
        await using var world = await BookingWorld.CreateAsync(settings: new Dictionary<string, string?>
        {
            ["RateLimits:Anonymous:LiveHolds"] = "1",
        });
        var client = world.App.CreateClient();
        Assert.Equal(HttpStatusCode.Created, (await client.SendAsync(Hold(world, BookingWorld.Tuesday(9), Forger, "198.51.100.1"))).StatusCode);

        var refused = await client.SendAsync(Hold(world, BookingWorld.Tuesday(10), Forger, "198.51.100.2"));
        await refused.AssertProblemAsync(HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public async Task ForwardedForIsBelievedFromAKnownNetwork()
    {
        await using var world = await BookingWorld.CreateAsync(settings: new Dictionary<string, string?>
        {
            ["RateLimits:Anonymous:LiveHolds"] = "1",
            ["ForwardedHeaders:KnownNetworks:0"] = "10.20.0.0/16",
        });
        var client = world.App.CreateClient();
        Assert.Equal(HttpStatusCode.Created, (await client.SendAsync(Hold(world, BookingWorld.Tuesday(9), "10.20.3.4", "198.51.100.1"))).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await client.SendAsync(Hold(world, BookingWorld.Tuesday(10), "10.20.9.9", "198.51.100.2"))).StatusCode);
        await (await client.SendAsync(Hold(world, BookingWorld.Tuesday(11), "10.20.3.4", "198.51.100.1")))
            .AssertProblemAsync(HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public async Task AnInvalidKnownNetworkStopsTheStart()
    {
        await using var app = new AjanvarausApp(settings: new Dictionary<string, string?>
        {
            ["ForwardedHeaders:KnownNetworks:0"] = "10.20.0.0/99",
        });

        Assert.ThrowsAny<Exception>(() => app.CreateClient());
    }

    [Fact]
    public async Task IPv6ClientsCountByTheirSlash64()
    {
        await using var world = await BookingWorld.CreateAsync(settings: new Dictionary<string, string?>
        {
            ["RateLimits:Anonymous:LiveHolds"] = "1",
        });
        var client = world.App.CreateClient();
        Assert.Equal(HttpStatusCode.Created, (await client.SendAsync(Hold(world, BookingWorld.Tuesday(9), "2001:db8:1:2::1"))).StatusCode);
        await (await client.SendAsync(Hold(world, BookingWorld.Tuesday(10), "2001:db8:1:2:ffff:eeee:dddd:cccc")))
            .AssertProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.Equal(HttpStatusCode.Created, (await client.SendAsync(Hold(world, BookingWorld.Tuesday(10), "2001:db8:1:3::1"))).StatusCode);
    }
}
