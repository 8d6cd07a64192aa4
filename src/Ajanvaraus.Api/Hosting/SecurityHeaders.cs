using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Ajanvaraus.Api.Hosting;

// Headers every answer carries, CORS for the origins an operator lists (UseCors in Program.cs), and no Server banner.
internal static class SecurityHeaders
{
    public const string CorsSetting = "Cors:AllowedOrigins";
    public const string FeedsPath = "/api/v1/feeds";

    public static IServiceCollection AddSecurityHeaders(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<KestrelServerOptions>(options => options.AddServerHeader = false);
        services.AddHsts(options =>
        {
            options.MaxAge = TimeSpan.FromDays(365);
            options.IncludeSubDomains = false;
        });

        // No origin by default: portals call server-side; a municipality's booking page is listed here when it calls from
        // the browser. Never credentials: the API takes bearer tokens and manage tokens, not cookies.
        var origins = configuration.GetSection(CorsSetting).Get<string[]>() ?? [];
        services.AddCors(options => options.AddDefaultPolicy(policy => policy
            .WithOrigins(origins)
            .AllowAnyHeader()
            .AllowAnyMethod()
            .DisallowCredentials()
            .WithExposedHeaders("Location", "Retry-After", "RateLimit", "RateLimit-Policy", "ETag")
            .SetPreflightMaxAge(TimeSpan.FromHours(1))));
        return services;
    }

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app)
    {
        app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.XContentTypeOptions = "nosniff";
                // A ?token= link must not travel on in Referer to whatever the page links to.
                headers["Referrer-Policy"] = "no-referrer";
                headers.Remove("Server");
                // Calendar feeds are revalidated by subscribers (with their ETag); every other answer of the API may carry
                // personal data or a token, so no cache keeps it.
                if (context.Request.Path.StartsWithSegments(FeedsPath))
                {
                    headers.CacheControl = headers.CacheControl.Count == 0 ? "private, no-cache" : headers.CacheControl;
                }
                else if (context.Request.Path.StartsWithSegments("/api/v1"))
                {
                    headers.CacheControl = "no-store";
                    headers.Remove("Pragma");
                    headers.Remove("Expires");
                }

                return Task.CompletedTask;
            });
            return next(context);
        });
        return app.UseHsts();
    }
}
