using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;

namespace Ajanvaraus.Api.Calendars.Sources;

// Server-side request forgery: an agency admin types a URL and this service fetches it from inside the data centre.
// The check runs where the socket connects (every redirect, and after DNS, so a name that resolves to 10.0.0.5 or
// rebinds to it between checks is refused too), not on the URL text: 2130706433, 0177.0.0.1, 127.1, [::ffff:127.0.0.1]
// and localhost all arrive here as the address they mean.
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
                || (b[0] == 192 && b[1] == 0 && b[2] is 0 or 2)          // IETF protocol assignments, TEST-NET-1
                || (b[0] == 198 && b[1] is 18 or 19)                     // benchmarking
                || (b[0] == 198 && b[1] == 51 && b[2] == 100)            // TEST-NET-2
                || (b[0] == 203 && b[1] == 0 && b[2] == 113);            // TEST-NET-3
        }

        var v6 = address.GetAddressBytes();
        return IPAddress.IsLoopback(address) || address.Equals(IPAddress.IPv6Any) || address.IsIPv6LinkLocal || address.IsIPv6SiteLocal
            || address.IsIPv6UniqueLocal || address.IsIPv6Multicast
            || (v6[0] == 0x20 && v6[1] == 0x01 && v6[2] == 0x0d && v6[3] == 0xb8)    // documentation (2001:db8::/32)
            // NAT64 (64:ff9b::/96) and 6to4 (2002::/16) carry an IPv4 address that could be a private one.
            || (v6[0] == 0x00 && v6[1] == 0x64 && v6[2] == 0xff && v6[3] == 0x9b && IsPrivate(new IPAddress(v6[12..16])))
            || (v6[0] == 0x20 && v6[1] == 0x02 && IsPrivate(new IPAddress(v6[2..6])));
    }

    // The host's own interface addresses: a public one reaches the services listening on this machine as surely as
    // 127.0.0.1 does. Read at each connection, as interfaces come and go.
    public static bool IsOwn(IPAddress address)
    {
        var plain = address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
        return NetworkInterface.GetAllNetworkInterfaces()
            .SelectMany(i => i.GetIPProperties().UnicastAddresses)
            .Any(u => u.Address.Equals(plain));
    }

    public static bool IsRefused(IPAddress address) => IsPrivate(address) || IsOwn(address);

    // What a host name may connect to: its addresses without the refused ones, unless allowed; none is an error.
    public static async Task<IPAddress[]> UsableAsync(string host, bool allowPrivate, CancellationToken ct)
    {
        var addresses = IPAddress.TryParse(host.Trim('[', ']'), out var literal)
            ? [literal]
            : await Dns.GetHostAddressesAsync(host, ct);
        var usable = allowPrivate ? addresses : addresses.Where(a => !IsRefused(a)).ToArray();
        return usable.Length > 0 ? usable : throw new BlockedAddressException();
    }

    // SocketsHttpHandler.ConnectCallback: resolve, drop refused addresses unless allowed, connect to what is left within
    // connectTimeout. A failed connection (refused, filtered, no route, unknown name) is one error, whatever the cause.
    public static Func<SocketsHttpConnectionContext, CancellationToken, ValueTask<Stream>> Connect(
        Func<bool> allowPrivate, Func<TimeSpan> connectTimeout) =>
        async (context, ct) =>
        {
            using var connecting = CancellationTokenSource.CreateLinkedTokenSource(ct);
            connecting.CancelAfter(connectTimeout());
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                var usable = await UsableAsync(context.DnsEndPoint.Host, allowPrivate(), connecting.Token);
                await socket.ConnectAsync(usable, context.DnsEndPoint.Port, connecting.Token);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch (Exception ex) when (ex is SocketException || (ex is OperationCanceledException && !ct.IsCancellationRequested))
            {
                socket.Dispose();
                throw new UnreachableServerException();
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        };
}

internal sealed class BlockedAddressException() : IOException(SourceErrors.NotAllowedMessage);

internal sealed class UnreachableServerException() : IOException(SourceErrors.UnreachableMessage);
