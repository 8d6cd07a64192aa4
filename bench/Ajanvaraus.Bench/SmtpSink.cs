using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Ajanvaraus.Bench;

// A minimal SMTP server on loopback that accepts every message and counts it: enough of RFC 5321 (EHLO/HELO, MAIL,
// RCPT, DATA, RSET, NOOP, QUIT) for the service's MailKit client. It advertises PIPELINING and 8BITMIME, as most
// servers do; it stores nothing.
internal sealed class SmtpSink : IAsyncDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource stop = new();
    private readonly Task accepting;
    private long accepted;
    private long firstTicks;
    private long lastTicks;
    private int connections;

    public SmtpSink()
    {
        listener.Start();
        accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;

    public long Accepted => Interlocked.Read(ref accepted);

    public int Connections => Volatile.Read(ref connections);

    // Timestamps (Stopwatch ticks) of the first and the last message accepted since the last Reset; 0 before any.
    public long FirstTicks => Interlocked.Read(ref firstTicks);

    public long LastTicks => Interlocked.Read(ref lastTicks);

    public void Reset()
    {
        Interlocked.Exchange(ref accepted, 0);
        Interlocked.Exchange(ref firstTicks, 0);
        Interlocked.Exchange(ref lastTicks, 0);
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        listener.Stop();
        try
        {
            await accepting;
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // Stopped.
        }

        stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!stop.IsCancellationRequested)
        {
            var client = await listener.AcceptTcpClientAsync(stop.Token);
            Interlocked.Increment(ref connections);
            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using var _ = client;
        client.NoDelay = true;
        try
        {
            var stream = client.GetStream();
            // Latin-1 reads any byte: 8-bit message bodies pass through without decoding errors.
            using var reader = new StreamReader(stream, Encoding.Latin1, false, 16_384);
            await using var writer = new StreamWriter(stream, Encoding.ASCII, 1024) { NewLine = "\r\n", AutoFlush = false };
            await Reply(writer, "220 bench-sink ESMTP");
            while (await reader.ReadLineAsync(stop.Token) is { } line)
            {
                var verb = (line.Length >= 4 ? line[..4] : line).ToUpperInvariant();
                switch (verb)
                {
                    case "EHLO":
                        await Reply(writer, "250-bench-sink\r\n250-PIPELINING\r\n250-8BITMIME\r\n250 SIZE 52428800");
                        break;
                    case "HELO":
                        await Reply(writer, "250 bench-sink");
                        break;
                    case "MAIL" or "RCPT" or "RSET" or "NOOP":
                        await Reply(writer, "250 OK");
                        break;
                    case "DATA":
                        await Reply(writer, "354 End data with <CR><LF>.<CR><LF>");
                        while (await reader.ReadLineAsync(stop.Token) is { } data && data != ".")
                        {
                        }

                        Count();
                        await Reply(writer, "250 OK queued");
                        break;
                    case "QUIT":
                        await Reply(writer, "221 Bye");
                        return;
                    default:
                        await Reply(writer, "502 Command not implemented");
                        break;
                }
            }
        }
        catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The client went away, or the sink stops.
        }
    }

    private void Count()
    {
        var now = Stopwatch.GetTimestamp();
        Interlocked.CompareExchange(ref firstTicks, now, 0);
        Interlocked.Exchange(ref lastTicks, now);
        Interlocked.Increment(ref accepted);
    }

    private static async Task Reply(StreamWriter writer, string text)
    {
        await writer.WriteLineAsync(text);
        await writer.FlushAsync();
    }
}
