using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Ajanvaraus.Api.Notifications;

// One SMTP connection for a dispatch batch, opened on the first e-mail and opened again after a failure.
internal sealed class EmailSession(SmtpSettings settings) : IAsyncDisposable
{
    private SmtpClient? client;

    public async Task SendAsync(MimeMessage message, CancellationToken ct)
    {
        try
        {
            client ??= await ConnectAsync(ct);
            await client.SendAsync(message, ct);
        }
        catch
        {
            await DropAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (client is { IsConnected: true })
        {
            try
            {
                await client.DisconnectAsync(quit: true);
            }
            catch (Exception ex) when (ex is IOException or SmtpProtocolException or OperationCanceledException)
            {
                // The messages are sent and marked; a QUIT the server did not answer changes nothing.
            }
        }

        await DropAsync();
    }

    private async Task<SmtpClient> ConnectAsync(CancellationToken ct)
    {
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

    private Task DropAsync()
    {
        client?.Dispose();
        client = null;
        return Task.CompletedTask;
    }
}

internal static class EmailMessages
{
    public static MimeMessage Build(ClaimedMessage m, EmailContent content, string from, string host)
    {
        var message = new MimeMessage
        {
            // From the outbox row: a resend of the same row carries the same Message-ID, so it is recognisable.
            MessageId = $"{m.Id:N}@{host}",
            Subject = content.Subject,
            Date = m.CreatedAt,
        };
        message.From.Add(MailboxAddress.Parse(from));
        message.To.Add(new MailboxAddress(m.CustomerName, m.CustomerEmail!));
        message.Headers.Add("Content-Language", m.CustomerLanguage);

        var alternative = new MultipartAlternative
        {
            new TextPart("plain") { Text = content.Text },
            new TextPart("html") { Text = content.Html },
        };
        if (content.Ics is null)
        {
            message.Body = alternative;
            return message;
        }

        // The text/calendar alternative is what Outlook and Gmail render as an invitation; the attachment is for the rest.
        var calendar = new TextPart("calendar") { Text = content.Ics };
        calendar.ContentType.Parameters.Add("method", content.IcsMethod ?? "PUBLISH");
        calendar.ContentType.Charset = "utf-8";
        alternative.Add(calendar);
        var attachment = new MimePart("application", "ics")
        {
            Content = new MimeContent(new MemoryStream(Encoding.UTF8.GetBytes(content.Ics))),
            ContentDisposition = new ContentDisposition(ContentDisposition.Attachment),
            ContentTransferEncoding = ContentEncoding.Base64,
            FileName = "invite.ics",
        };
        message.Body = new Multipart("mixed") { alternative, attachment };
        return message;
    }
}

// A gateway-neutral SMS: POST {to, text, reference}; any 2xx is accepted.
internal sealed class SmsSender(IHttpClientFactory clients, IOptions<NotificationOptions> options)
{
    public const string ClientName = "sms";

    public async Task SendAsync(string to, string text, string reference, CancellationToken ct)
    {
        var settings = options.Value.Sms;
        using var request = new HttpRequestMessage(HttpMethod.Post, settings.Url)
        {
            Content = JsonContent.Create(new SmsRequest(to, text, reference)),
        };
        if (!string.IsNullOrEmpty(settings.AuthorizationHeader))
        {
            request.Headers.TryAddWithoutValidation("Authorization", settings.AuthorizationHeader);
        }

        using var response = await clients.CreateClient(ClientName).SendAsync(request, ct);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"The SMS gateway answered {(int)response.StatusCode}.", null, response.StatusCode);
        }
    }

    private sealed record SmsRequest(string To, string Text, string Reference);
}
