using System.Collections.Concurrent;
using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Ajanvaraus.Api.Notifications;

// Connected SMTP clients kept between dispatch runs, at most `Senders`: a booking's "dispatch at once" then costs one
// message on an open connection instead of a connect, EHLO and QUIT of its own. A connection idle for longer than
// MaxIdle is closed rather than reused (servers drop idle clients, commonly after a minute or more). Idle time is read
// from the service's clock, so tests decide when a connection has idled too long.
internal sealed class SmtpConnections(IOptions<NotificationOptions> options, TimeProvider clock) : IAsyncDisposable
{
    private static readonly TimeSpan MaxIdle = TimeSpan.FromSeconds(20);
    private readonly ConcurrentQueue<(SmtpClient Client, long IdleSince)> idle = new();

    public async Task<(SmtpClient Client, bool Kept)> RentAsync(CancellationToken ct)
    {
        while (idle.TryDequeue(out var entry))
        {
            if (entry.Client.IsConnected && clock.GetElapsedTime(entry.IdleSince) < MaxIdle)
            {
                return (entry.Client, true);
            }

            await CloseAsync(entry.Client);
        }

        return (await ConnectAsync(ct), false);
    }

    public async Task ReturnAsync(SmtpClient client)
    {
        if (client.IsConnected && idle.Count < options.Value.Senders)
        {
            idle.Enqueue((client, clock.GetTimestamp()));
            return;
        }

        await CloseAsync(client);
    }

    public async Task<SmtpClient> ConnectAsync(CancellationToken ct)
    {
        var settings = options.Value.Smtp;
        var smtp = new SmtpClient { Timeout = settings.TimeoutSeconds * 1000 };
        var security = settings.Security switch
        {
            SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
            SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
            _ => SecureSocketOptions.None,
        };
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            // Our own socket, without Nagle: the end of each DATA is a small write that would otherwise wait for the
            // server's delayed ACK (about 40 ms a message, which capped a batch at some 20 messages a second).
            using (var connectTimeout = CancellationTokenSource.CreateLinkedTokenSource(ct))
            {
                connectTimeout.CancelAfter(TimeSpan.FromSeconds(settings.TimeoutSeconds));
                await socket.ConnectAsync(settings.Host!, settings.Port, connectTimeout.Token);
            }

            await smtp.ConnectAsync(socket, settings.Host!, settings.Port, security, ct);
            if (!string.IsNullOrEmpty(settings.User))
            {
                await smtp.AuthenticateAsync(settings.User, settings.Password ?? "", ct);
            }
        }
        catch
        {
            smtp.Dispose();
            socket.Dispose();
            throw;
        }

        return smtp;
    }

    public async ValueTask DisposeAsync()
    {
        while (idle.TryDequeue(out var entry))
        {
            await CloseAsync(entry.Client);
        }
    }

    private static async Task CloseAsync(SmtpClient client)
    {
        try
        {
            if (client.IsConnected)
            {
                using var quit = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                await client.DisconnectAsync(quit: true, quit.Token);
            }
        }
        catch (Exception ex) when (ex is IOException or SmtpProtocolException or OperationCanceledException or SocketException)
        {
            // Every message on it is sent and marked; a QUIT the server did not answer changes nothing.
        }
        finally
        {
            client.Dispose();
        }
    }
}

// The SMTP connection of one dispatch batch, rented from SmtpConnections on the first e-mail and given back at the end.
internal sealed class EmailSession(SmtpConnections connections) : IAsyncDisposable
{
    private SmtpClient? client;
    private bool kept;

    public async Task SendAsync(MimeMessage message, CancellationToken ct)
    {
        try
        {
            if (client is null)
            {
                (client, kept) = await connections.RentAsync(ct);
            }

            await client.SendAsync(message, ct);
        }
        catch (Exception ex) when (kept && ex is IOException or SmtpProtocolException or ServiceNotConnectedException)
        {
            // A kept connection that the server closed meanwhile: once more on a new one. (Should the server have taken
            // the message before the line broke, the customer gets it twice with one Message-ID, as after any lost mark.)
            Drop();
            (client, kept) = (await connections.ConnectAsync(ct), false);
            await SendOrDropAsync(message, ct);
        }
        catch
        {
            Drop();
            throw;
        }

        kept = true;
    }

    public async ValueTask DisposeAsync()
    {
        if (client is not null)
        {
            await connections.ReturnAsync(client);
            client = null;
        }
    }

    private async Task SendOrDropAsync(MimeMessage message, CancellationToken ct)
    {
        try
        {
            await client!.SendAsync(message, ct);
        }
        catch
        {
            Drop();
            throw;
        }
    }

    private void Drop()
    {
        client?.Dispose();
        client = null;
    }
}
