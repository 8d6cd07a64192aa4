using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace Ajanvaraus.Api.Identity;

internal static class IdentityExtensions
{
    public static IServiceCollection AddApiIdentity(this IServiceCollection services)
    {
        services.AddOptions<AuthOptions>().BindConfiguration(AuthOptions.Section);
        services.AddSingleton<TokenIssuer>();

        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<IOptions<AuthOptions>>((jwt, auth) => Configure(jwt, auth.Value));

        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Operator, policy => policy.RequireRole(Roles.Operator))
            .AddPolicy(Policies.AgencyAdmin, policy => policy.RequireRole(Roles.AgencyAdmin).RequireClaim(ClaimNames.Provider))
            .AddPolicy(Policies.Adviser, policy => policy.RequireRole(Roles.Adviser).RequireClaim(ClaimNames.ServicePoint))
            .AddPolicy(Policies.Portal, policy => policy.RequireRole(Roles.Portal).RequireClaim(ClaimNames.Client));
        return services;
    }

    private static void Configure(JwtBearerOptions jwt, AuthOptions auth)
    {
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
            jwt.Authority = auth.Authority;
            jwt.Audience = auth.Audience;
        }
    }
}
