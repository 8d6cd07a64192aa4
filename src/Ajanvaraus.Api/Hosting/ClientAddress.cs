using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.HttpOverrides;

namespace Ajanvaraus.Api.Hosting;

// The caller's address, the key of anonymous limits. Behind a load balancer it comes from X-Forwarded-For (and the
// scheme and host from X-Forwarded-Proto/Host), but only when the connection is from a proxy listed in
// ForwardedHeaders:KnownProxies or inside one of ForwardedHeaders:KnownNetworks: anyone else could write those headers.
internal static class ClientAddress
{
    public const string KnownProxiesSetting = "ForwardedHeaders:KnownProxies";
    public const string KnownNetworksSetting = "ForwardedHeaders:KnownNetworks";

    // The one key every per-address limit counts under (the rate budgets, the live-hold cap, the wrong-token lock):
    // an IPv4 address, or an IPv6 client's /64, since one subscriber is handed a whole /64 and picks any address in it.
    public static string Of(HttpContext context) => KeyOf(context.Connection.RemoteIpAddress);

    public static string KeyOf(IPAddress? ip)
    {
        if (ip is null)
        {
            return "unknown";
        }

        if (ip.IsIPv4MappedToIPv6)
        {
            return ip.MapToIPv4().ToString();
        }

        if (ip.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return ip.ToString();
        }

        var bytes = ip.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return $"{new IPAddress(bytes)}/64";
    }

    public static IServiceCollection AddClientAddress(this IServiceCollection services, IConfiguration configuration)
    {
        var proxies = Parse(configuration, KnownProxiesSetting, (string text, out IPAddress ip) => IPAddress.TryParse(text, out ip!));
        var networks = Parse<System.Net.IPNetwork>(configuration, KnownNetworksSetting, System.Net.IPNetwork.TryParse);
        services.AddOptions<PublicUrlOptions>().BindConfiguration(PublicUrlOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<PublicBaseUrl>();
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            // The defaults trust loopback; only the configured proxies are trusted here.
            options.KnownIPNetworks.Clear();
            options.KnownProxies.Clear();
            foreach (var proxy in proxies)
            {
                options.KnownProxies.Add(proxy);
            }

            foreach (var network in networks)
            {
                options.KnownIPNetworks.Add(network);
            }

            // ASP.NET Core believes every sender when both lists are empty, so with no proxy configured no forwarded
            // header is read at all. With proxies, the chain is walked from the right through known proxies only: the
            // first address not theirs is the client.
            options.ForwardedHeaders = proxies.Count + networks.Count == 0
                ? ForwardedHeaders.None
                : ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            options.ForwardLimit = null;
        });
        return services;
    }

    private delegate bool TryParse<T>(string text, out T value);

    // A value that does not parse stops the start, naming the setting: a typo must not quietly trust no one (or anyone).
    private static List<T> Parse<T>(IConfiguration configuration, string setting, TryParse<T> parse)
    {
        var values = new List<T>();
        foreach (var text in configuration.GetSection(setting).Get<string[]>() ?? [])
        {
            if (!parse(text.Trim(), out var value))
            {
                throw new InvalidOperationException($"{setting}: '{text}' is not an address or network (e.g. 10.0.0.1, 10.0.0.0/8).");
            }

            values.Add(value);
        }

        return values;
    }
}
