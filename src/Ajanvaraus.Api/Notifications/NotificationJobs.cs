using Hangfire;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Ajanvaraus.Api.Notifications;

// The dispatcher: claims due rows, sends them, marks each sent or failed. Every decision is in the database, so any
// number of instances may run it at once and a restart loses nothing (a dead claimant's rows wait out the claim).
internal sealed class NotificationJobs(
    NotificationStore store, Outbox outbox, SmsSender sms, SmtpConnections connections, IOptions<NotificationOptions> options,
    TimeProvider clock, ILogger<NotificationJobs> logger, Hosting.PublicBaseUrl urls,
    IOptions<Calendars.CalendarOptions> calendars)
{
    private const int MaxBatches = 20;

    // The recurring safety net: everything due, a batch at a time, by `Senders` senders per channel at once (a message's
    // time is mostly the SMTP server's or the gateway's answer, so one sender leaves the machine idle).
    [AutomaticRetry(Attempts = 0)]
    public async Task<int> DispatchDueAsync(CancellationToken ct)
    {
        var settings = options.Value;
        var channels = new[] { ("email", settings.EmailEnabled), ("sms", settings.SmsEnabled) }.Where(c => c.Item2).Select(c => c.Item1);
        var senders = channels.SelectMany(channel => Enumerable.Range(0, settings.Senders).Select(_ => DrainAsync(channel, ct)));
        return (await Task.WhenAll(senders)).Sum();
    }

    // Right after a change commits: that booking's messages that are due now (not its reminders, which wait).
    [AutomaticRetry(Attempts = 0)]
    public async Task<int> DispatchBookingAsync(Guid bookingId, CancellationToken ct)
    {
        var settings = options.Value;
        if (!settings.EmailEnabled && !settings.SmsEnabled)
        {
            return 0;
        }

        var token = Guid.NewGuid();
        var claimed = await store.ClaimBookingAsync(
            token, bookingId, settings.EmailEnabled, settings.SmsEnabled, Lease(settings), clock.GetUtcNow(), ct);
        return await SendAllAsync(claimed, token, ct);
    }

    private async Task<int> DrainAsync(string channel, CancellationToken ct)
    {
        var settings = options.Value;
        var sent = 0;
        for (var batch = 0; batch < MaxBatches; batch++)
        {
            var token = Guid.NewGuid();
            var claimed = await store.ClaimDueAsync(token, channel, settings.BatchSize, Lease(settings), clock.GetUtcNow(), ct);
            sent += await SendAllAsync(claimed, token, ct);
            if (claimed.Count < settings.BatchSize)
            {
                break;
            }
        }

        return sent;
    }

    private static TimeSpan Lease(NotificationOptions settings) => TimeSpan.FromSeconds(settings.ClaimSeconds);

    private async Task<int> SendAllAsync(IReadOnlyList<ClaimedMessage> claimed, Guid token, CancellationToken ct)
    {
        var sent = 0;
        await using var email = new EmailSession(connections);
        foreach (var message in claimed)
        {
            ct.ThrowIfCancellationRequested();
            try
            {
                await SendAsync(message, email, ct);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                // Any failure of one message (refused, timed out, unreadable token) is that message's: it waits and retries.
                await FailAsync(message, token, ex);
                continue;
            }

            // Sent: from here on a failure must not count as a failed send. If marking fails (the database is away), the
            // claim expires and the message goes again — twice at worst, never lost, with the same Message-ID.
            sent += await store.MarkSentAsync(message.Id, token, clock.GetUtcNow(), CancellationToken.None) ? 1 : 0;
        }

        return sent;
    }

    private async Task SendAsync(ClaimedMessage message, EmailSession email, CancellationToken ct)
    {
        var settings = options.Value;
        var manageUrl = message.ProtectedManageToken is { } sealedToken
            ? urls.Absolute(settings.ManageUrl(message.BookingId, outbox.Unseal(sealedToken)), null)
            : null;
        if (message.Channel == "email")
        {
            var from = settings.Smtp.From!;
            var content = MessageComposer.Email(message, manageUrl, calendars.Value.OrganizerOf(message.ProviderId));
            var host = MailboxAddress.TryParse(from, out var sender) && sender.Domain is { Length: > 0 } domain ? domain : "ajanvaraus";
            await email.SendAsync(EmailMessages.Build(message, content, from, host, clock.GetUtcNow()), ct);
        }
        else
        {
            await sms.SendAsync(message.CustomerPhone!, MessageComposer.Sms(message, manageUrl), message.Reference, ct);
        }
    }

    private async Task FailAsync(ClaimedMessage message, Guid token, Exception ex)
    {
        var settings = options.Value;
        var attempts = message.Attempts + 1;
        var dead = attempts >= settings.MaxAttempts;
        var next = clock.GetUtcNow().Add(Backoff(attempts, settings.RetryBaseSeconds));
        // The log names the error's type only: SMTP answers may quote the customer's address.
        logger.LogWarning(
            "Notification {NotificationId} ({Channel}) failed, attempt {Attempt}: {Error}",
            message.Id, message.Channel, attempts, ex.GetType().Name);
        var status = dead ? MessageStatus.Dead : MessageStatus.Failed;
        await store.MarkFailedAsync(message.Id, token, status, next, NotificationErrors.Of(ex, message.Channel), CancellationToken.None);
    }

    // base, 2 base, 4 base ... at most an hour apart.
    internal static TimeSpan Backoff(int attempts, int baseSeconds) =>
        TimeSpan.FromSeconds(Math.Min(3600, baseSeconds * Math.Pow(2, Math.Min(attempts - 1, 20))));
}
