using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Ajanvaraus.Api.Hosting;

// The caller's address, the key of anonymous limits. Behind a load balancer it comes from X-Forwarded-For, but only
// when the connection is from a proxy listed in ForwardedHeaders:KnownProxies: anyone else could write that header.
internal static class ClientAddress
{
    public const string KnownProxiesSetting = "ForwardedHeaders:KnownProxies";

    public static string Of(HttpContext context) => context.Connection.RemoteIpAddress is { } ip
        ? (ip.IsIPv4MappedToIPv6 ? ip.MapToIPv4() : ip).ToString()
        : "unknown";

    public static IServiceCollection AddClientAddress(this IServiceCollection services, IConfiguration configuration)
    {
        var proxies = configuration.GetSection(KnownProxiesSetting).Get<string[]>() ?? [];
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // The defaults trust loopback; only the configured proxies are trusted here.
            options.KnownIPNetworks.Clear();
            options.KnownProxies.Clear();
            foreach (var proxy in proxies)
            {
                options.KnownProxies.Add(IPAddress.Parse(proxy));
            }

            options.ForwardLimit = null;
        });
        return services;
    }
}
