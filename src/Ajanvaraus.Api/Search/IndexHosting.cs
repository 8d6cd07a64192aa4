using Ajanvaraus.Api.Data;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Ajanvaraus.Api.Search;

// Builds the index when the service starts and then follows the change log every IndexPollMilliseconds. Real time,
// not the injected clock: a test's frozen clock must not stop the poll.
internal sealed class IndexFollower(AvailabilityIndex index, IOptions<Availability.AvailabilityOptions> options,
    ILogger<IndexFollower> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // SQLite's async calls complete synchronously: without yielding first, the build would hold up the host's
        // start (and /health/ready could not even say "not yet").
        await Task.Yield();
        var every = TimeSpan.FromMilliseconds(options.Value.IndexPollMilliseconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // Until the first build succeeds, each round tries it again (the database may not be there yet).
                await (index.IsReady ? index.CatchUpAsync(stoppingToken) : index.BuildAsync(stoppingToken));
                await Task.Delay(every, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is System.Data.Common.DbException or InvalidOperationException or TimeoutException)
            {
                // The database is away for a moment: search answers from what the index has, the next poll tries again.
                logger.LogWarning(ex, "Could not read the availability change log.");
                await Task.Delay(every, stoppingToken);
            }
        }
    }
}

// /health/ready: not before the index is built (an instance without it could only answer searches slowly).
internal sealed class IndexHealthCheck(AvailabilityIndex index) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default) =>
        Task.FromResult(index.IsReady
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy("The availability index is being built."));
}

// Read-your-writes over HTTP: before a successful write's answer starts, its changes (committed by then) are applied
// to this instance's index, so the caller's next search sees them. Catalogue writes (points, services, experts,
// providers) append a 'catalogue' change first, so the other instances reload theirs at their next poll.
internal static class IndexFreshness
{
    private static readonly string[] CataloguePaths =
        ["/api/v1/providers", "/api/v1/service-points", "/api/v1/services", "/api/v1/experts"];

    public static IApplicationBuilder UseIndexFreshness(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        if (!HttpMethods.IsGet(http.Request.Method) && !HttpMethods.IsHead(http.Request.Method)
            && http.Request.Path.StartsWithSegments("/api/v1"))
        {
            http.Response.OnStarting(() => AfterWriteAsync(http));
        }

        await next(http);
    });

    private static async Task AfterWriteAsync(HttpContext http)
    {
        if (http.Response.StatusCode >= 400)
        {
            return;
        }

        var services = http.RequestServices;
        try
        {
            if (IsCatalogue(http.Request.Path))
            {
                await ChangeLog.CatalogueAsync(services.GetRequiredService<Db>(), services.GetRequiredService<TimeProvider>().GetUtcNow(),
                    http.RequestAborted);
            }

            await services.GetRequiredService<AvailabilityIndex>().CatchUpAsync(http.RequestAborted);
        }
        catch (Exception ex) when (ex is System.Data.Common.DbException or OperationCanceledException)
        {
            // The write itself is done; the index catches up at the next poll.
            services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(IndexFreshness))
                .LogWarning(ex, "Could not apply a write to the availability index at once.");
        }
    }

    // Rules and absences change windows, which their own transactions log; the rest of these paths is catalogue.
    private static bool IsCatalogue(PathString path) =>
        CataloguePaths.Any(p => path.StartsWithSegments(p))
        && !(path.Value ?? "").Contains("/availability-rules", StringComparison.Ordinal)
        && !(path.Value ?? "").Contains("/absences", StringComparison.Ordinal);
}
