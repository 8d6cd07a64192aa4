using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace Ajanvaraus.Api.Identity;

internal static class IdentityExtensions
{
    public static IServiceCollection AddApiIdentity(this IServiceCollection services)
    {
        services.AddOptions<AuthOptions>().BindConfiguration(AuthOptions.Section)
            .Validate(auth => auth.Problem() is null,
                "Auth:Authority must be an absolute https URL (or set Auth:RequireHttpsMetadata=false).")
            .ValidateOnStart();
        services.AddSingleton<TokenIssuer>();

        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<IOptions<AuthOptions>, TimeProvider>((jwt, auth, clock) => Configure(jwt, auth.Value, clock));

        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Operator, policy => policy.RequireRole(Roles.Operator))
            .AddPolicy(Policies.AgencyAdmin, policy => policy.RequireRole(Roles.AgencyAdmin).RequireClaim(ClaimNames.Provider))
            .AddPolicy(Policies.Adviser, policy => policy.RequireRole(Roles.Adviser).RequireClaim(ClaimNames.ServicePoint))
            .AddPolicy(Policies.Portal, policy => policy.RequireRole(Roles.Portal).RequireClaim(ClaimNames.Client))
            .AddPolicy(Policies.Staff, policy => policy.RequireAssertion(context =>
                context.User.IsInRole(Roles.Operator)
                || (context.User.IsInRole(Roles.Adviser) && context.User.HasClaim(c => c.Type == ClaimNames.ServicePoint))
                || (context.User.IsInRole(Roles.AgencyAdmin) && context.User.HasClaim(c => c.Type == ClaimNames.Provider))));
        return services;
    }

    private static void Configure(JwtBearerOptions jwt, AuthOptions auth, TimeProvider clock)
    {
        // Expiry is judged by the service's own clock, the one that also decides notice, holds and cut-offs; a token
        // without one is refused.
        jwt.TokenValidationParameters.LifetimeValidator = (notBefore, expires, _, parameters) =>
        {
            var now = clock.GetUtcNow().UtcDateTime;
            return (notBefore is null || notBefore.Value - parameters.ClockSkew <= now)
                && expires is not null && now <= expires.Value + parameters.ClockSkew;
        };
        // A few seconds of drift between the identity provider's clock and ours, not the library's five minutes of life
        // after expiry.
        jwt.TokenValidationParameters.ClockSkew = TimeSpan.FromSeconds(30);
        // Claims keep the names they have in the token ("role", "provider", ...).
        jwt.MapInboundClaims = false;
        jwt.TokenValidationParameters.RoleClaimType = ClaimNames.Role;
        jwt.TokenValidationParameters.NameClaimType = "sub";
        jwt.TokenValidationParameters.ValidAudience = auth.Audience;
        if (auth.UsesLocalKey)
        {
            jwt.TokenValidationParameters.ValidIssuer = LocalSigningKey.Issuer;
            jwt.TokenValidationParameters.IssuerSigningKey = LocalSigningKey.Load(auth.SigningKeyFile);
            jwt.TokenValidationParameters.ValidAlgorithms = [SecurityAlgorithms.HmacSha256];
        }
        else
        {
            // Production: keys and issuer come from the Authority's metadata only; the local key is never loaded, so a
            // token it signed is refused. Issuer, audience, lifetime and signature are all required.
            jwt.Authority = auth.Authority;
            jwt.Audience = auth.Audience;
            jwt.RequireHttpsMetadata = auth.RequireHttpsMetadata;
            jwt.TokenValidationParameters.ValidateIssuer = true;
            jwt.TokenValidationParameters.ValidateAudience = true;
            jwt.TokenValidationParameters.ValidateLifetime = true;
            jwt.TokenValidationParameters.RequireExpirationTime = true;
            jwt.TokenValidationParameters.RequireSignedTokens = true;
            jwt.TokenValidationParameters.ValidateIssuerSigningKey = true;
        }
    }
}

internal static class InvalidTokenExtensions
{
    // A present but invalid token is a 401 everywhere, anonymous endpoints included: otherwise a portal whose token
    // expired books as an anonymous citizen without noticing.
    public static IApplicationBuilder RejectInvalidTokens(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (context.Request.Headers.Authorization.Count > 0 && context.User.Identity?.IsAuthenticated != true)
            {
                await context.ChallengeAsync();
                return;
            }

            await next(context);
        });
}
