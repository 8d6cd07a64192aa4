using Ajanvaraus.Api.Identity;
using Hangfire;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Ajanvaraus.Api.Privacy;

internal static class PrivacyApi
{
    public const string PurgeJob = "privacy-retention-purge";

    public static IServiceCollection AddPrivacy(this IServiceCollection services)
    {
        services.AddOptions<PrivacyOptions>().BindConfiguration(PrivacyOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<RetentionPurge>();
        return services;
    }

    public static RouteGroupBuilder MapPrivacy(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/privacy").WithTags("Privacy");
        group.MapPost("/purge", PurgeAsync)
            .WithName("PurgeExpiredPersonalData")
            .WithSummary("Remove expired customer data now")
            .WithDescription("""
                Runs the daily retention purge at once: bookings that ended more than their provider's retentionDays ago
                (Privacy:RetentionDays, 180, when the provider sets none) lose the customer's name, e-mail, phone and notes,
                staff's reasons and the manage token (the old link answers 404); their idempotency replays and outbox
                messages are deleted. Ids, times, status and channel stay; the booking changes no more. A booking that has
                not ended is never purged. Answers what was removed.
                """)
            .RequireAuthorization(Policies.Operator);
        return group;
    }

    // Daily; 03:00 UTC is a quiet hour in Finland all year.
    public static WebApplication SchedulePrivacyJobs(this WebApplication app)
    {
        app.Services.GetRequiredService<IRecurringJobManager>()
            .AddOrUpdate<RetentionPurge>(PurgeJob, purge => purge.PurgeAsync(CancellationToken.None), Cron.Daily(3));
        return app;
    }

    private static async Task<Ok<PurgeReport>> PurgeAsync(RetentionPurge purge, CancellationToken ct) =>
        TypedResults.Ok(await purge.PurgeAsync(ct));
}
