using System.Net;
using Ajanvaraus.Api.Tests.Infrastructure;

namespace Ajanvaraus.Api.Tests.Security;

public sealed class CorsTests
{
    private const string Listed = "https://ajanvaraus.mikkeli.fi";
    private const string Other = "https://evil.example";

    private static AjanvarausApp AppListing(params string[] origins) => new(settings: origins
        .Select((origin, i) => (Key: $"Cors:AllowedOrigins:{i}", Value: (string?)origin))
        .ToDictionary(p => p.Key, p => p.Value));

    private static HttpRequestMessage Simple(string origin)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/providers");
        request.Headers.Add("Origin", origin);
        return request;
    }

    private static HttpRequestMessage Preflight(string origin)
    {
        var request = new HttpRequestMessage(HttpMethod.Options, "/api/v1/bookings");
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", "POST");
        request.Headers.Add("Access-Control-Request-Headers", "content-type,idempotency-key");
        return request;
    }

    [Fact]
    public async Task AListedOriginGetsCorsHeadersWithoutCredentials()
    {
        await using var app = AppListing(Listed);
        var simple = await app.CreateClient().SendAsync(Simple(Listed));
        Assert.Equal(HttpStatusCode.OK, simple.StatusCode);
        Assert.Equal(Listed, simple.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.False(simple.Headers.Contains("Access-Control-Allow-Credentials"));
        Assert.Contains("RateLimit", simple.Headers.GetValues("Access-Control-Expose-Headers").Single());

        // Preflights have no operation in the contract: sent past the contract check.
        var preflight = await app.Server.CreateClient().SendAsync(Preflight(Listed));
        Assert.True(preflight.IsSuccessStatusCode, $"{(int)preflight.StatusCode}");
        Assert.Equal(Listed, preflight.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Contains("POST", preflight.Headers.GetValues("Access-Control-Allow-Methods").Single());
        Assert.False(preflight.Headers.Contains("Access-Control-Allow-Credentials"));
    }

    [Fact]
    public async Task AnOriginNotListedGetsNoCorsHeaders()
    {
        await using var app = AppListing(Listed);
        var simple = await app.CreateClient().SendAsync(Simple(Other));
        Assert.False(simple.Headers.Contains("Access-Control-Allow-Origin"));
        var preflight = await app.Server.CreateClient().SendAsync(Preflight(Other));
        Assert.False(preflight.Headers.Contains("Access-Control-Allow-Origin"));
        Assert.False(preflight.Headers.Contains("Access-Control-Allow-Methods"));
    }

    [Fact]
    public async Task ByDefaultNoOriginIsAllowed()
    {
        await using var app = new AjanvarausApp();
        var simple = await app.CreateClient().SendAsync(Simple(Listed));
        Assert.False(simple.Headers.Contains("Access-Control-Allow-Origin"));
        var preflight = await app.Server.CreateClient().SendAsync(Preflight(Listed));
        Assert.False(preflight.Headers.Contains("Access-Control-Allow-Origin"));
    }
}
