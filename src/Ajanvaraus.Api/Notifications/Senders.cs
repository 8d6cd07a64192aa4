using System.Net.Http.Json;
using System.Text;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Ajanvaraus.Api.Notifications;

internal static class EmailMessages
{
    public static MimeMessage Build(ClaimedMessage m, EmailContent content, string from, string host, DateTimeOffset sentAt)
    {
        var message = new MimeMessage
        {
            // From the outbox row: a resend of the same row carries the same Message-ID, so it is recognisable.
            MessageId = $"{m.Id:N}@{host}",
            Subject = content.Subject,
            // The moment of sending (RFC 5322 3.6.1), also on a retry: a reminder dated when the booking was made sinks.
            Date = sentAt,
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
