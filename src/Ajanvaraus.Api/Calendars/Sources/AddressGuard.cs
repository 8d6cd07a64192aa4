using System.Net;
using System.Net.Sockets;

namespace Ajanvaraus.Api.Calendars.Sources;

// Server-side request forgery: an agency admin types a URL and this service fetches it from inside the data centre.
// The check runs where the socket connects (every redirect, and after DNS, so a name that resolves to 10.0.0.5 or
// rebinds to it between checks is refused too), not on the URL text.
internal static class AddressGuard
{
    public static bool IsPrivate(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            var b = address.GetAddressBytes();
            return b[0] is 0 or 10 or 127 || b[0] >= 224                // this network, private, loopback, multicast, reserved
                || (b[0] == 100 && b[1] >= 64 && b[1] < 128)             // carrier-grade NAT
                || (b[0] == 169 && b[1] == 254)                          // link-local (cloud metadata lives here)
                || (b[0] == 172 && b[1] >= 16 && b[1] < 32)
                || (b[0] == 192 && b[1] == 168)
                || (b[0] == 192 && b[1] == 0 && b[2] == 0)
                || (b[0] == 198 && b[1] is 18 or 19);
        }

        var v6 = address.GetAddressBytes();
        return IPAddress.IsLoopback(address) || address.Equals(IPAddress.IPv6Any) || address.IsIPv6LinkLocal || address.IsIPv6SiteLocal
            || address.IsIPv6UniqueLocal || address.IsIPv6Multicast
            // NAT64 (64:ff9b::/96) and 6to4 (2002::/16) carry an IPv4 address that could be a private one.
            || (v6[0] == 0x00 && v6[1] == 0x64 && v6[2] == 0xff && v6[3] == 0x9b && IsPrivate(new IPAddress(v6[12..16])))
            || (v6[0] == 0x20 && v6[1] == 0x02 && IsPrivate(new IPAddress(v6[2..6])));
    }

    // SocketsHttpHandler.ConnectCallback: resolve, drop private addresses unless allowed, connect to what is left.
    public static Func<SocketsHttpConnectionContext, CancellationToken, ValueTask<Stream>> Connect(Func<bool> allowPrivate) =>
        async (context, ct) =>
        {
            var host = context.DnsEndPoint.Host;
            var addresses = IPAddress.TryParse(host.Trim('[', ']'), out var literal)
                ? [literal]
                : await Dns.GetHostAddressesAsync(host, ct);
            var usable = allowPrivate() ? addresses : addresses.Where(a => !IsPrivate(a)).ToArray();
            if (usable.Length == 0)
            {
                throw new BlockedAddressException(host);
            }

            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(usable, context.DnsEndPoint.Port, ct);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        };
}

internal sealed class BlockedAddressException(string host)
    : IOException($"{host} is a loopback, link-local or private address; such sources are refused (Calendars:AllowPrivateAddresses).");
