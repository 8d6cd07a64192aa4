using Ajanvaraus.Api.Data;
using Ajanvaraus.Api.Hosting;
using Ajanvaraus.Api.Identity;
using Hangfire;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Options;

namespace Ajanvaraus.Api.Notifications;

internal static class NotificationsExtensions
{
    public const string DispatchJob = "notifications-dispatch";

    public static IServiceCollection AddNotifications(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<NotificationOptions>()
            .BindConfiguration(NotificationOptions.Section)
            .PostConfigure<IConfiguration>(NotificationOptions.ReadReminderMinutes)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddDataProtection().SetApplicationName("Ajanvaraus");
        services.AddSingleton<DataProtectionKeyStore>();
        services.AddOptions<KeyManagementOptions>().Configure<DataProtectionKeyStore>((o, keys) => o.XmlRepository = keys);
        services.AddHttpClient(SmsSender.ClientName)
            .ConfigureHttpClient((provider, client) => client.Timeout =
                TimeSpan.FromSeconds(provider.GetRequiredService<IOptions<NotificationOptions>>().Value.Sms.TimeoutSeconds));
        services.AddSingleton<Outbox>();
        services.AddSingleton<NotificationStore>();
        services.AddSingleton<SmsSender>();
        services.AddSingleton<SmtpConnections>();
        services.AddSingleton<NotificationJobs>();
        services.AddSingleton<DispatchKicker>();
        services.AddSingleton<ICommitFollower>(s => s.GetRequiredService<DispatchKicker>());
        // The kicks run where background work runs (the Hangfire server's switch; tests dispatch by hand).
        if (configuration.GetValue(HangfireExtensions.ServerSetting, defaultValue: true))
        {
            services.AddHostedService(s => s.GetRequiredService<DispatchKicker>());
        }
        services.AddHealthChecks().AddCheck<OutboxHealthCheck>("notifications", tags: ["ready"]);
        return services;
    }

    public static IEndpointRouteBuilder MapNotificationsApi(this IEndpointRouteBuilder app, IEndpointRouteBuilder api)
    {
        api.MapNotifications();
        // Operators only: the dashboard can delete and trigger jobs. Anonymous gets 401, other roles 403.
        app.MapHangfireDashboardWithAuthorizationPolicy(Policies.Operator, "/hangfire").ExcludeFromDescription();
        return app;
    }

    public static void AddOrUpdateDispatch(this IRecurringJobManager jobs, IServiceProvider services)
    {
        var seconds = services.GetRequiredService<IOptions<NotificationOptions>>().Value.DispatchSeconds;
        // Cron has minutes at best; a seconds field (six parts) gives the configured interval.
        var cron = seconds % 60 == 0 ? $"*/{Math.Max(1, seconds / 60)} * * * *" : $"*/{seconds} * * * * *";
        jobs.AddOrUpdate<NotificationJobs>(DispatchJob, j => j.DispatchDueAsync(CancellationToken.None), cron);
    }
}
