using System.Security.Claims;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Ajanvaraus.Api.Identity;

// What a development token says about its bearer.
internal sealed record TokenRequest(string Role, string? Provider = null, string? ServicePoint = null, string? Client = null,
    string? Subject = null);

// Mints tokens signed with the local development key (the `token` command and the tests).
internal sealed class TokenIssuer(IOptions<AuthOptions> options, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(12);

    // Returns the reason a request is not a valid identity, or null when it is.
    public static string? Problem(TokenRequest request) => request.Role switch
    {
        Roles.AgencyAdmin when string.IsNullOrWhiteSpace(request.Provider) => "role agency_admin needs --provider",
        Roles.Adviser when string.IsNullOrWhiteSpace(request.ServicePoint) => "role adviser needs --service-point",
        Roles.Portal when string.IsNullOrWhiteSpace(request.Client) => "role portal needs --client",
        _ when !Roles.All.Contains(request.Role) => $"unknown role '{request.Role}' (one of: {string.Join(", ", Roles.All)})",
        _ => null,
    };

    // Why this service mints no tokens, or null: with an Authority, tokens come from that identity provider.
    public string? Refusal => options.Value.UsesLocalKey
        ? null
        : "Auth:Authority is set: tokens come from that identity provider, not from this service.";

    public string Issue(TokenRequest request)
    {
        if (Problem(request) is { } problem)
        {
            throw new ArgumentException(problem, nameof(request));
        }

        if (Refusal is { } refusal)
        {
            throw new InvalidOperationException(refusal);
        }

        var claims = new List<Claim>
        {
            new(JwtRegisteredClaimNames.Sub,
                request.Subject ?? $"{request.Role}:{request.Provider ?? request.ServicePoint ?? request.Client ?? "local"}"),
            new(ClaimNames.Role, request.Role),
        };
        AddIfPresent(claims, ClaimNames.Provider, request.Provider);
        AddIfPresent(claims, ClaimNames.ServicePoint, request.ServicePoint);
        AddIfPresent(claims, ClaimNames.Client, request.Client);

        var now = clock.GetUtcNow().UtcDateTime;
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = LocalSigningKey.Issuer,
            Audience = options.Value.Audience,
            Subject = new ClaimsIdentity(claims),
            IssuedAt = now,
            NotBefore = now,
            Expires = now + Lifetime,
            SigningCredentials = new SigningCredentials(LocalSigningKey.Load(options.Value.SigningKeyFile), SecurityAlgorithms.HmacSha256),
        };
        return new JsonWebTokenHandler().CreateToken(descriptor);
    }

    private static void AddIfPresent(List<Claim> claims, string type, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            claims.Add(new Claim(type, value));
        }
    }
}
