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
