using System.ComponentModel.DataAnnotations;

namespace Ajanvaraus.Api.Calendars;

internal sealed class CalendarOptions
{
    public const string Section = "Calendars";

    // RFC 5546 wants an ORGANIZER on every PUBLISH and CANCEL: an address replies can go to (or be dropped at).
    // `{provider}` becomes the provider's id, so each agency can have its own no-reply address.
    [Required, RegularExpression("^mailto:[^@\\s]+@[^@\\s]+$", ErrorMessage = "Use a mailto: address, e.g. mailto:no-reply@example.fi.")]
    public string Organizer { get; set; } = "mailto:no-reply+{provider}@ajanvaraus.example";

    // Notifications:ManageUrlTemplate (the e-mails' link); `{id}`, `{reference}` and `{token}`.
    public string? ManageUrlTemplate { get; set; }

    // Feeds out: a point's feed names customers only when the operator turns this on (the agencies' own feeds always do).
    public bool PointFeedsShowCustomers { get; set; }

    // Busy times in: how often every source is synced, when one without a success counts as stale, the largest feed
    // read, and whether sources may live on loopback, link-local, private, documentation or the host's own addresses
    // (appsettings.Development.json and tests that serve feeds on loopback only: in production such a URL would let
    // an agency admin make the service probe its own network).
    [Range(1, 1440)]
    public int SyncMinutes { get; set; } = 15;

    [Range(1, 10080)]
    public int StaleAfterMinutes { get; set; } = 120;

    [Range(1024, 100_000_000)]
    public int MaxFeedBytes { get; set; } = 5 * 1024 * 1024;

    // One deadline for the whole fetch, redirects, retries and body included: a server that sends headers and then
    // trickles bytes costs this much and no more.
    [Range(1, 300)]
    public int FetchTimeoutSeconds { get; set; } = 30;

    // Parsing is CPU: a small feed can still describe a huge expansion; past this the feed is the source's error.
    [Range(1, 300)]
    public int MaxParseSeconds { get; set; } = 5;

    // Sources synced at once by the recurring job: a slow server holds one of these, never the others' turn.
    [Range(1, 64)]
    public int SyncParallelism { get; set; } = 4;

    public bool AllowPrivateAddresses { get; set; }

    public string OrganizerOf(string providerId) => Organizer.Replace("{provider}", providerId, StringComparison.Ordinal);

    // The token is only known when the booking is made, or when its holder presents it: the .ics is served only with the
    // manage token, so its link repeats the token it was fetched with. Without a token, a `{token}` template gives no link.
    public string? ManageUrl(Guid id, string reference, string? token)
    {
        var needsToken = ManageUrlTemplate?.Contains("{token}", StringComparison.Ordinal) == true;
        if (string.IsNullOrWhiteSpace(ManageUrlTemplate) || (needsToken && token is null))
        {
            return null;
        }

        return ManageUrlTemplate
            .Replace("{id}", id.ToString("D"), StringComparison.Ordinal)
            .Replace("{reference}", Uri.EscapeDataString(reference), StringComparison.Ordinal)
            .Replace("{token}", Uri.EscapeDataString(token ?? ""), StringComparison.Ordinal);
    }
}

internal static class CalendarsExtensions
{
    public static IServiceCollection AddCalendars(this IServiceCollection services)
    {
        services.AddOptions<CalendarOptions>()
            .BindConfiguration(CalendarOptions.Section)
            // One manage link for e-mails and calendar files: the notifications' template and its default.
            .Configure<Microsoft.Extensions.Options.IOptions<Notifications.NotificationOptions>>((options, notifications) =>
                options.ManageUrlTemplate ??= notifications.Value.ManageUrlTemplate)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        Feeds.FeedsApi.AddPointFeedsPolicy(services.AddAuthorizationBuilder());
        services.AddSingleton<Feeds.FeedStore>();
        services.AddSingleton<Sources.CalendarSourceStore>();
        services.AddSingleton<Sources.CalendarFetcher>();
        services.AddSingleton<Sources.CalendarSync>();
        Sources.CalendarHttp.AddCalendarSourcesHttpClient(services);
        return services;
    }

    public static void AddOrUpdateCalendarSync(Hangfire.IRecurringJobManager jobs, IServiceProvider services)
    {
        var minutes = services.GetRequiredService<Microsoft.Extensions.Options.IOptions<CalendarOptions>>().Value.SyncMinutes;
        var cron = minutes < 60 ? $"*/{minutes} * * * *" : Hangfire.Cron.MinuteInterval(minutes);
        Hangfire.RecurringJobManagerExtensions.AddOrUpdate<Sources.CalendarSync>(
            jobs, Sources.CalendarSync.JobName, s => s.SyncAllAsync(CancellationToken.None), cron);
    }
}
