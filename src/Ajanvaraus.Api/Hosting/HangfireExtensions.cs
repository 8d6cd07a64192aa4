using Ajanvaraus.Api.Availability;
using Ajanvaraus.Api.Data;
using Hangfire;
using Hangfire.SqlServer;
using Microsoft.Data.SqlClient;

namespace Ajanvaraus.Api.Hosting;

// Background jobs: Hangfire on SQL Server storage in production, in memory with SQLite (no SQLite storage is served to
// us; the database stays the source of truth, so a lost in-memory queue loses nothing). Recurring jobs are registered
// here, in one place.
internal static class HangfireExtensions
{
    public const string ServerSetting = "Hangfire:Server";
    public const string ExtendHorizonJob = "availability-extend-horizon";
    public const string PurgeExpiredJob = "bookings-purge-expired";

    public static IServiceCollection AddApiHangfire(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddHangfire((provider, config) =>
        {
            config.SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
                .UseSimpleAssemblyNameTypeSerializer()
                .UseRecommendedSerializerSettings();
            var db = provider.GetRequiredService<Db>();
            if (db.Dialect == Dialect.SqlServer)
            {
                config.UseSqlServerStorage(db.ConnectionString, SqlServerStorageOptions());
            }
            else
            {
                config.UseInMemoryStorage();
            }
        });

        // Tests (and API-only instances) run without a server; jobs are then plain methods to call.
        if (configuration.GetValue(ServerSetting, defaultValue: true))
        {
            services.AddHangfireServer();
        }

        return services;
    }

    // The schema is installed by the migrator (`migrate`, or a start-up that finds it missing), never by the everyday
    // login: Hangfire's default would run its DDL on every start with whatever rights the service has.
    internal static SqlServerStorageOptions SqlServerStorageOptions() => new()
    {
        SqlClientFactory = SqlClientFactory.Instance,
        PrepareSchemaIfNecessary = false,
        SchemaName = SchemaMigrator.JobSchema,
    };

    public static WebApplication ScheduleRecurringJobs(this WebApplication app)
    {
        var jobs = app.Services.GetRequiredService<IRecurringJobManager>();
        // 02:00 UTC is after midnight in Finland all year, so the new day joins the horizon early in the morning.
        jobs.AddOrUpdate<WindowMaterializer>(ExtendHorizonJob, materializer => materializer.ExtendAllAsync(CancellationToken.None),
            Cron.Daily(2));
        jobs.AddOrUpdate<Bookings.PurgeJobs>(PurgeExpiredJob, purge => purge.PurgeExpiredAsync(CancellationToken.None), Cron.Hourly());
        Notifications.NotificationsExtensions.AddOrUpdateDispatch(jobs, app.Services);
        Calendars.CalendarsExtensions.AddOrUpdateCalendarSync(jobs, app.Services);
        // Also once now, unless a full run already covers today's horizon: an instance that was down at 02:00 (or keeps
        // its queue in memory) never serves a short horizon, and starting several instances does not rebuild everything.
        app.Services.GetRequiredService<IBackgroundJobClient>()
            .Enqueue<WindowMaterializer>(materializer => materializer.ExtendIfStaleAsync(CancellationToken.None));
        return app;
    }
}
