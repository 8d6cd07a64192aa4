using System.Net;
using Ajanvaraus.Api.Tests.Infrastructure;

namespace Ajanvaraus.Api.Tests.Security;

// The budgets at their real defaults (the shared test host raises them: RealRateLimits turns that off).
public sealed class RateLimitTests
{
    private const string Flooder = "203.0.113.5";
    private const string Neighbour = "198.51.100.7";

    private static HttpRequestMessage From(string address, HttpMethod method, string path, string? forwardedFor = null)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Add(TestRemoteAddressStartupFilter.Header, address);
        request.Headers.AcceptLanguage.ParseAdd("en");
        if (forwardedFor is not null)
        {
            request.Headers.Add("X-Forwarded-For", forwardedFor);
        }

        return request;
    }

    [Fact]
    public async Task AnAddressGets120SearchesAMinuteThenA429ProblemWithRetryAfterAndItsNeighbourIsNotSlowed()
    {
        await using var app = new AjanvarausApp { RealRateLimits = true };
        var client = app.CreateClient();
        for (var i = 0; i < 120; i++)
        {
            var ok = await client.SendAsync(From(Flooder, HttpMethod.Get, "/api/v1/providers"));
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
            Assert.Equal("\"search\";q=120;w=60", ok.Headers.GetValues("RateLimit-Policy").Single());
            Assert.StartsWith($"\"search\";r={119 - i};t=", ok.Headers.GetValues("RateLimit").Single());
        }

        var refused = await client.SendAsync(From(Flooder, HttpMethod.Get, "/api/v1/providers"));
        var problem = await refused.AssertProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.Equal("Too many requests", problem.GetProperty("title").GetString());
        var retryAfter = int.Parse(refused.Headers.GetValues("Retry-After").Single());
        Assert.InRange(retryAfter, 1, 60);
        Assert.Equal("\"search\";q=120;w=60", refused.Headers.GetValues("RateLimit-Policy").Single());
        Assert.StartsWith("\"search\";r=0;t=", refused.Headers.GetValues("RateLimit").Single());

        var neighbour = await client.SendAsync(From(Neighbour, HttpMethod.Get, "/api/v1/providers"));
        Assert.Equal(HttpStatusCode.OK, neighbour.StatusCode);
    }

    [Fact]
    public async Task AnAddressGets20WritesAMinuteWhateverTheyAnswer()
    {
        await using var app = new AjanvarausApp { RealRateLimits = true };
        var client = app.CreateClient();
        for (var i = 0; i < 20; i++)
        {
            var release = await client.SendAsync(From(Flooder, HttpMethod.Delete, $"/api/v1/holds/{Guid.NewGuid()}"));
            Assert.Equal(HttpStatusCode.NotFound, release.StatusCode);
            Assert.Equal("\"writes\";q=20;w=60", release.Headers.GetValues("RateLimit-Policy").Single());
        }

        var refused = await client.SendAsync(From(Flooder, HttpMethod.Delete, $"/api/v1/holds/{Guid.NewGuid()}"));
        await refused.AssertProblemAsync(HttpStatusCode.TooManyRequests);
        // Reads are a budget of their own, and another address's writes are not refused with the flooder's.
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(From(Flooder, HttpMethod.Get, "/api/v1/providers"))).StatusCode);
        var neighbour = await client.SendAsync(From(Neighbour, HttpMethod.Delete, $"/api/v1/holds/{Guid.NewGuid()}"));
        Assert.Equal(HttpStatusCode.NotFound, neighbour.StatusCode);
    }

    [Fact]
    public async Task APortalSpendsItsOwnBudgetPerClientIdNotItsAddresses()
    {
        await using var app = new AjanvarausApp(settings: new Dictionary<string, string?> { ["RateLimits:Portal:PerMinute"] = "5" })
        {
            RealRateLimits = true,
        };
        var portal = app.Portal("mikkeli.fi");
        for (var i = 0; i < 5; i++)
        {
            var ok = await portal.SendAsync(From(Flooder, HttpMethod.Get, "/api/v1/providers"));
            Assert.Equal("\"portal\";q=5;w=60", ok.Headers.GetValues("RateLimit-Policy").Single());
        }

        await (await portal.SendAsync(From(Neighbour, HttpMethod.Get, "/api/v1/providers")))
            .AssertProblemAsync(HttpStatusCode.TooManyRequests);
        var other = await app.Portal("suomi.fi").SendAsync(From(Flooder, HttpMethod.Get, "/api/v1/providers"));
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        var anonymous = await app.CreateClient().SendAsync(From(Flooder, HttpMethod.Get, "/api/v1/providers"));
        Assert.Equal("\"search\";q=120;w=60", anonymous.Headers.GetValues("RateLimit-Policy").Single());
    }

    [Fact]
    public async Task StaffHaveAGenerousBudgetPerSubject()
    {
        await using var app = new AjanvarausApp { RealRateLimits = true };
        var response = await app.Operator().GetAsync("/api/v1/notifications");
        Assert.Equal("\"staff\";q=6000;w=60", response.Headers.GetValues("RateLimit-Policy").Single());
    }

    [Fact]
    public async Task ForwardedForIsBelievedOnlyFromAKnownProxy()
    {
        await using var app = new AjanvarausApp(settings: new Dictionary<string, string?>
        {
            ["ForwardedHeaders:KnownProxies:0"] = "10.0.0.1",
            ["RateLimits:Anonymous:SearchPerMinute"] = "2",
        })
        {
            RealRateLimits = true,
        };
        var client = app.CreateClient();

        // Behind the balancer, two citizens have two budgets.
        for (var i = 0; i < 2; i++)
        {
            var behind = await client.SendAsync(From("10.0.0.1", HttpMethod.Get, "/api/v1/providers", Flooder));
            Assert.Equal(HttpStatusCode.OK, behind.StatusCode);
        }

        await (await client.SendAsync(From("10.0.0.1", HttpMethod.Get, "/api/v1/providers", Flooder)))
            .AssertProblemAsync(HttpStatusCode.TooManyRequests);
        var neighbour = await client.SendAsync(From("10.0.0.1", HttpMethod.Get, "/api/v1/providers", Neighbour));
        Assert.Equal(HttpStatusCode.OK, neighbour.StatusCode);

        // Anyone else writing the header spends their own address's budget, whatever they claim.
        for (var i = 0; i < 2; i++)
        {
            Assert.Equal(HttpStatusCode.OK,
                (await client.SendAsync(From("192.0.2.9", HttpMethod.Get, "/api/v1/providers", $"198.51.100.{i + 10}"))).StatusCode);
        }

        await (await client.SendAsync(From("192.0.2.9", HttpMethod.Get, "/api/v1/providers", "198.51.100.99")))
            .AssertProblemAsync(HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public async Task HealthAndTheContractAreNotLimited()
    {
        await using var app = new AjanvarausApp { RealRateLimits = true };
        var live = await app.CreateClient().GetAsync("/health/live");
        Assert.False(live.Headers.Contains("RateLimit-Policy"));
    }
}
