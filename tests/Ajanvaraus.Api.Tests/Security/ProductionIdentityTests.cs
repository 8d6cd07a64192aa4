using System.Net;
using System.Net.Http.Headers;
using System.Security.Claims;
using System.Security.Cryptography;
using Ajanvaraus.Api.Hosting;
using Ajanvaraus.Api.Identity;
using Ajanvaraus.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace Ajanvaraus.Api.Tests.Security;

// With Auth:Authority set, tokens come from the identity provider only. The provider's metadata is handed to the
// service directly (no network here): its issuer and an RSA signing key.
public sealed class ProductionIdentityTests
{
    private const string Authority = "https://tunnistus.example";
    private static readonly RsaSecurityKey IdpKey = new(RSA.Create(2048)) { KeyId = "idp-1" };

    private static Dictionary<string, string?> Production(string authority = Authority) => new() { ["Auth:Authority"] = authority };

    private static Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> WithIdp(AjanvarausApp app) =>
        app.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
            services.PostConfigure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, jwt =>
            {
                var configuration = new OpenIdConnectConfiguration { Issuer = Authority };
                configuration.SigningKeys.Add(IdpKey);
                jwt.Configuration = configuration;
                jwt.ConfigurationManager = new Microsoft.IdentityModel.Protocols.StaticConfigurationManager<OpenIdConnectConfiguration>(
                    configuration);
            })));

    private static string IdpToken(string issuer = Authority, string audience = "ajanvaraus", TimeSpan? lifetime = null,
        SecurityKey? key = null, string algorithm = SecurityAlgorithms.RsaSha256)
    {
        var now = DateTime.UtcNow;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            Subject = new ClaimsIdentity([new Claim("sub", "operator-1"), new Claim("role", Roles.Operator)]),
            IssuedAt = now - TimeSpan.FromHours(2),
            NotBefore = now - TimeSpan.FromHours(2),
            Expires = now + (lifetime ?? TimeSpan.FromMinutes(30)),
            SigningCredentials = new SigningCredentials(key ?? IdpKey, algorithm),
        });
    }

    private static async Task<HttpStatusCode> NotificationsWith(Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> app,
        string token)
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return (await client.GetAsync("/api/v1/notifications")).StatusCode;
    }

    [Fact]
    public async Task ATokenOfTheIdentityProviderIsAccepted()
    {
        using var logs = InMemoryLogs.New();
        var settings = Production();
        settings[InMemoryLogs.Setting] = logs.Name;
        settings["Logging:LogLevel:Microsoft.AspNetCore"] = "Debug";
        await using var app = new AjanvarausApp(settings: settings);
        await using var idp = WithIdp(app);
        var status = await NotificationsWith(idp, IdpToken());
        var why = logs.Lines.Where(l => l.Contains("Bearer") || l.Contains("IDX")).Select(l => l[..Math.Min(600, l.Length)]);
        Assert.True(status == HttpStatusCode.OK, string.Join("\n", why));
    }

    [Fact]
    public async Task ATokenSignedWithTheLocalKeyIsRefused()
    {
        await using var app = new AjanvarausApp(settings: Production());
        await using var idp = WithIdp(app);
        var keyFile = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<AuthOptions>>().Value.SigningKeyFile;
        var local = IdpToken(issuer: LocalSigningKey.Issuer, key: LocalSigningKey.Load(keyFile), algorithm: SecurityAlgorithms.HmacSha256);
        Assert.Equal(HttpStatusCode.Unauthorized, await NotificationsWith(idp, local));
        // Not even with the Authority's issuer written into it.
        var forged = IdpToken(key: LocalSigningKey.Load(keyFile), algorithm: SecurityAlgorithms.HmacSha256);
        Assert.Equal(HttpStatusCode.Unauthorized, await NotificationsWith(idp, forged));
    }

    [Fact]
    public async Task IssuerAudienceAndLifetimeAreChecked()
    {
        await using var app = new AjanvarausApp(settings: Production());
        await using var idp = WithIdp(app);
        Assert.Equal(HttpStatusCode.Unauthorized, await NotificationsWith(idp, IdpToken(issuer: "https://other.example")));
        Assert.Equal(HttpStatusCode.Unauthorized, await NotificationsWith(idp, IdpToken(audience: "another-api")));
        Assert.Equal(HttpStatusCode.Unauthorized, await NotificationsWith(idp, IdpToken(lifetime: TimeSpan.FromMinutes(-30))));
    }

    [Fact]
    public async Task TheTokenCommandRefusesToMint()
    {
        await using var app = new AjanvarausApp(settings: Production());
        var error = new StringWriter();
        var exit = Commands.Token(app.Services.GetRequiredService<TokenIssuer>(), ["--role", "operator"], TextWriter.Null, error);
        Assert.Equal(2, exit);
        Assert.Contains("Auth:Authority", error.ToString());
    }

    [Fact]
    public async Task AnAuthorityOverPlainHttpDoesNotStart()
    {
        await using var app = new AjanvarausApp(settings: Production("http://tunnistus.example"));
        var failure = Assert.ThrowsAny<Exception>(() => app.CreateClient());
        Assert.Contains("https", failure.ToString());
    }

    [Fact]
    public async Task AnAuthorityOverPlainHttpStartsWhenHttpsMetadataIsExplicitlyOff()
    {
        var settings = Production("http://tunnistus.example");
        settings["Auth:RequireHttpsMetadata"] = "false";
        await using var app = new AjanvarausApp(settings: settings);
        Assert.Equal(HttpStatusCode.OK, (await app.CreateClient().GetAsync("/api/v1/providers")).StatusCode);
    }
}
