using System.ComponentModel;
using Ajanvaraus.Api.Hosting;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Ajanvaraus.Api.Notifications;

public sealed record NotificationChannelResponse(
    [property: Description("email or sms.")] string Channel,
    [property: Description("Whether this installation has a sender for the channel (an SMTP host, an SMS gateway).")] bool Configured,
    [property: Description("The setting that gives the channel its sender.")] string Setting,
    [property: Description("Messages of the channel not yet sent (pending or failed).")] long Waiting,
    [property: Description("Why the channel's messages cannot go, in the language asked; absent when they can.")] string? Problem);

public sealed record NotificationChannelsResponse(IReadOnlyList<NotificationChannelResponse> Items);

// The channels messages are written for, and which of them this installation cannot deliver: a phone-only customer's
// messages must not wait unseen for an SMS gateway nobody configured.
internal static class NotificationChannels
{
    private static readonly string[] All = ["email", "sms"];

    public static string Setting(string channel) => channel == "sms" ? "Notifications:Sms:Url" : "Notifications:Smtp:Host";

    // Only when messages are written at all (Notifications:Enabled): otherwise no channel is needed.
    public static IReadOnlyList<string> WithoutSender(NotificationOptions options) =>
        options.Enabled ? All.Where(c => !options.Sends(c)).ToList() : [];

    public static NotificationChannelsResponse List(NotificationOptions options, OutboxHealth health, string language) =>
        new(All.Select(channel => new NotificationChannelResponse(
            channel, options.Sends(channel), Setting(channel), health.Waiting(channel),
            WithoutSender(options).Contains(channel) ? ProblemTexts.Translate(NotificationErrors.NoSender(channel), language) : null))
            .ToList());
}

// Degraded when a message gave up, when a channel has no sender (its messages cannot go), or when the oldest message a
// configured channel should have sent waits over 5 minutes.
internal sealed class OutboxHealthCheck(NotificationStore store, IOptions<NotificationOptions> options, TimeProvider clock) : IHealthCheck
{
    public static readonly TimeSpan MaxWait = TimeSpan.FromMinutes(5);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        var settings = options.Value;
        var health = await store.HealthAsync(settings.EmailEnabled, settings.SmsEnabled, ct);
        if (health.Dead > 0)
        {
            return HealthCheckResult.Degraded($"{health.Dead} message(s) are dead: see /api/v1/notifications?status=dead.");
        }

        if (NotificationChannels.WithoutSender(settings) is { Count: > 0 } missing)
        {
            var names = string.Join(", ", missing.Select(c => $"{c} ({NotificationChannels.Setting(c)})"));
            return HealthCheckResult.Degraded(
                $"No sender for {names}; {missing.Sum(health.Waiting)} message(s) wait: see /api/v1/notifications/channels.");
        }

        return health.OldestDue is { } due && clock.GetUtcNow() - due > MaxWait
            ? HealthCheckResult.Degraded($"The oldest due message has waited since {due:O}.")
            : HealthCheckResult.Healthy();
    }
}
