using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Ajanvaraus.Api.Hosting;
using Ajanvaraus.Api.Identity;
using Ajanvaraus.Api.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Ajanvaraus.Api.Tests.Identity;

public sealed class AuthenticationTests
{
    private static readonly object NewProvider = new { id = "kela", names = new { fi = "Kela", sv = "FPA", en = "Kela" } };

    [Fact]
    public async Task TokenPrintedByTheTokenCommandIsAccepted()
    {
        await using var app = new AjanvarausApp();
        var output = new StringWriter();
        var exit = Commands.Token(app.Services.GetRequiredService<TokenIssuer>(), ["--role", "operator"], output, TextWriter.Null);
        Assert.Equal(0, exit);

        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", output.ToString().Trim());
        var response = await client.PostAsJsonAsync("/api/v1/providers", NewProvider);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task RequestWithoutTokenAnswers401Problem()
    {
        await using var app = new AjanvarausApp();
        var response = await app.CreateClient().PostAsJsonAsync("/api/v1/providers", NewProvider);
        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task TokenWithTheWrongRoleAnswers403Problem()
    {
        await using var app = new AjanvarausApp();
        var response = await app.AgencyAdmin("kela").PostAsJsonAsync("/api/v1/providers", NewProvider);
        await response.AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task TokenSignedWithAnotherKeyIsRefused()
    {
        await using var issuer = new AjanvarausApp();
        await using var app = new AjanvarausApp();
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
            issuer.Token(new TokenRequest(Roles.Operator)));

        var response = await client.PostAsJsonAsync("/api/v1/providers", NewProvider);

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task ExpiredTokenIsRefused()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.Parse("2026-11-23T08:00:00Z"));
        await using var app = new AjanvarausApp(clock: clock);
        var client = app.Operator();
        clock.Advance(TokenIssuer.Lifetime + TimeSpan.FromMinutes(10));

        var response = await client.PostAsJsonAsync("/api/v1/providers", NewProvider);

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task ATokenExpiredAMinuteAgoIsRefused()
    {
        // The clock skew allowed is 30 seconds, not the library's 5 minutes.
        var clock = new FakeTimeProvider(DateTimeOffset.Parse("2026-11-23T08:00:00Z"));
        await using var app = new AjanvarausApp(clock: clock);
        var client = app.Operator();
        clock.Advance(TokenIssuer.Lifetime + TimeSpan.FromMinutes(1));

        await (await client.PostAsJsonAsync("/api/v1/providers", NewProvider)).AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task TheLocalSigningKeyIsReadableByItsOwnerOnly()
    {
        if (OperatingSystem.IsWindows())
        {
            Assert.Skip("Unix file modes");
        }

        await using var app = new AjanvarausApp();
        app.Operator();
        var file = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<AuthOptions>>().Value.SigningKeyFile;

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
    }

    [Theory]
    [InlineData("--role", "agency_admin")]
    [InlineData("--role", "adviser", "--provider", "kela")]
    [InlineData("--role", "portal")]
    [InlineData("--role", "citizen")]
    public async Task TokenCommandRefusesAnIncompleteIdentity(params string[] args)
    {
        await using var app = new AjanvarausApp();
        var error = new StringWriter();
        var exit = Commands.Token(app.Services.GetRequiredService<TokenIssuer>(), args, TextWriter.Null, error);
        Assert.Equal(2, exit);
        Assert.Contains("usage", error.ToString());
    }
}
