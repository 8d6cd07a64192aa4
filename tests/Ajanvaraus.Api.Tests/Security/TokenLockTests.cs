using System.Net;
using System.Net.Http.Json;
using Ajanvaraus.Api.Tests.Bookings;
using Ajanvaraus.Api.Tests.Infrastructure;

namespace Ajanvaraus.Api.Tests.Security;

public sealed class TokenLockTests
{
    private const string Guesser = "203.0.113.5";
    private const string Citizen = "198.51.100.7";

    // The real default: five wrong tokens in 15 minutes lock the address for 15 minutes.
    private static readonly Dictionary<string, string?> RealLock = new() { ["RateLimits:WrongTokens:Allowed"] = "5" };

    private static HttpRequestMessage Get(string path, string token, string address)
    {
        var request = BookingWorld.WithToken(HttpMethod.Get, path, token);
        request.Headers.Add(TestRemoteAddressStartupFilter.Header, address);
        return request;
    }

    [Fact]
    public async Task FiveWrongManageTokensLockThatAddressButNotTheCitizensOwn()
    {
        await using var world = await BookingWorld.CreateAsync(settings: RealLock);
        var booking = await world.BookOkAsync(world.Booking(BookingWorld.Tuesday(9)));
        var path = $"/api/v1/bookings/{booking.GetProperty("id").GetString()}";
        var token = booking.GetProperty("manageToken").GetString()!;
        var client = world.App.CreateClient();

        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.NotFound, (await client.SendAsync(Get(path, $"guess-{i}", Guesser))).StatusCode);
        }

        // Even the right token is refused from that address now, and the calendar too.
        var locked = await client.SendAsync(Get(path, token, Guesser));
        var problem = await locked.AssertProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.Equal("Too many wrong tokens", problem.GetProperty("title").GetString());
        Assert.InRange(int.Parse(locked.Headers.GetValues("Retry-After").Single()), 899, 900);
        await (await client.SendAsync(Get($"{path}/calendar.ics", token, Guesser))).AssertProblemAsync(HttpStatusCode.TooManyRequests);

        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(Get(path, token, Citizen))).StatusCode);

        world.Clock.Advance(TimeSpan.FromMinutes(15));
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(Get(path, token, Guesser))).StatusCode);
    }

    [Fact]
    public async Task WrongTokensSpreadOverMoreThanTheWindowDoNotLock()
    {
        await using var world = await BookingWorld.CreateAsync(settings: RealLock);
        var booking = await world.BookOkAsync(world.Booking(BookingWorld.Tuesday(9)));
        var path = $"/api/v1/bookings/{booking.GetProperty("id").GetString()}";
        var client = world.App.CreateClient();

        for (var i = 0; i < 8; i++)
        {
            Assert.Equal(HttpStatusCode.NotFound, (await client.SendAsync(Get(path, $"guess-{i}", Guesser))).StatusCode);
            world.Clock.Advance(TimeSpan.FromMinutes(4));
        }
    }

    [Fact]
    public async Task WrongHoldTokensCountTowardsTheLock()
    {
        await using var world = await BookingWorld.CreateAsync(settings: RealLock);
        var client = world.App.CreateClient();
        var hold = await (await client.PostAsJsonAsync("/api/v1/holds", new
        {
            serviceId = world.ServiceId, expertId = world.Expert, start = BookingWorld.Tuesday(9), channel = "in_person",
            servicePointId = "mikkeli",
        })).ReadJsonAsync(HttpStatusCode.Created);
        var path = $"/api/v1/holds/{hold.GetProperty("id").GetString()}";

        HttpRequestMessage Release(string token)
        {
            var request = new HttpRequestMessage(HttpMethod.Delete, path);
            request.Headers.Add("X-Hold-Token", token);
            request.Headers.Add(TestRemoteAddressStartupFilter.Header, Guesser);
            return request;
        }

        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.NotFound, (await client.SendAsync(Release($"guess-{i}"))).StatusCode);
        }

        var right = await client.SendAsync(Release(hold.GetProperty("holdToken").GetString()!));
        await right.AssertProblemAsync(HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public async Task WrongFeedTokensCountTowardsTheLockAndALockedAddressGets429ForTheFeed()
    {
        await using var world = await BookingWorld.CreateAsync(settings: RealLock);
        var feed = await (await world.App.AgencyAdmin("kela").PostAsJsonAsync($"/api/v1/experts/{world.Expert}/feeds", new { name = "A" }))
            .ReadJsonAsync(HttpStatusCode.Created);
        var path = new Uri(feed.GetProperty("url").GetString()!).PathAndQuery;
        var client = world.App.CreateClient();

        HttpRequestMessage Fetch(string feedPath, string address)
        {
            var request = new HttpRequestMessage(HttpMethod.Get, feedPath);
            request.Headers.Add(TestRemoteAddressStartupFilter.Header, address);
            return request;
        }

        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.NotFound, (await client.SendAsync(Fetch($"/api/v1/feeds/guess-{i}.ics", Guesser))).StatusCode);
        }

        await (await client.SendAsync(Fetch(path, Guesser))).AssertProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(Fetch(path, Citizen))).StatusCode);
    }

    [Fact]
    public async Task WrongHoldTokensInABookingCountTowardsTheLockAndALockedAddressCannotConfirm()
    {
        await using var world = await BookingWorld.CreateAsync(settings: RealLock);
        var client = world.App.CreateClient();
        var hold = await (await client.PostAsJsonAsync("/api/v1/holds", new
        {
            serviceId = world.ServiceId, expertId = world.Expert, start = BookingWorld.Tuesday(9), channel = "in_person",
            servicePointId = "mikkeli",
        })).ReadJsonAsync(HttpStatusCode.Created);

        HttpRequestMessage Confirm(string token)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/bookings")
            {
                Content = JsonContent.Create(new
                {
                    holdId = hold.GetProperty("id").GetGuid(), holdToken = token,
                    customer = new { name = "Maija Meikäläinen", email = "maija@example.fi", language = "fi" },
                }),
            };
            request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
            request.Headers.Add(TestRemoteAddressStartupFilter.Header, Guesser);
            return request;
        }

        for (var i = 0; i < 5; i++)
        {
            await (await client.SendAsync(Confirm($"guess-{i}"))).AssertValidationErrorAsync("holdId");
        }

        var right = await client.SendAsync(Confirm(hold.GetProperty("holdToken").GetString()!));
        await right.AssertProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.True(right.Headers.Contains("Retry-After"));
    }
}
