using Ajanvaraus.Api.Availability;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Ajanvaraus.Api.Search;

// Where the change log may be read up to (ChangeLog.SafePointSql): SQL Server's MIN_ACTIVE_ROWVERSION() and @@DBTS.
// Below <= Head means a transaction that took a rowversion is still open. SQLite: never behind.
internal sealed class SafePoint
{
    public long Below { get; init; }
    public long Head { get; init; }

    public bool Lags => Below <= Head;
}

// One open transaction holds MIN_ACTIVE_ROWVERSION() down for every instance: no index reads past it, so search goes
// stale everywhere. Logged and shown as a degraded /health/ready once the safe point has stood still behind @@DBTS for
// Availability:ChangeLogLagAlertSeconds.
internal sealed class SafePointWatch(TimeProvider clock, IOptions<AvailabilityOptions> options, ILogger<SafePointWatch> logger)
{
    private sealed record Stuck(long Below, long Head, DateTimeOffset Since, DateTimeOffset? LoggedAt);

    private volatile Stuck? stuck;

    private TimeSpan AlertAfter => TimeSpan.FromSeconds(options.Value.ChangeLogLagAlertSeconds);

    // How long the safe point has stood still behind @@DBTS, as of the last read; zero when it is not behind.
    public TimeSpan StuckFor => stuck is { } s ? clock.GetUtcNow() - s.Since : TimeSpan.Zero;

    public bool Alerting => stuck is not null && StuckFor >= AlertAfter;

    public void Observe(SafePoint safe)
    {
        var now = clock.GetUtcNow();
        if (!safe.Lags)
        {
            stuck = null;
            return;
        }

        if (stuck is not { } s || s.Below != safe.Below)
        {
            stuck = new Stuck(safe.Below, safe.Head, now, null);
            return;
        }

        // Once per alert period, not on every poll.
        if (now - s.Since >= AlertAfter && (s.LoggedAt is not { } logged || now - logged >= AlertAfter))
        {
            logger.LogWarning(
                "MIN_ACTIVE_ROWVERSION() has stood at {Below} behind @@DBTS {Head} for {Seconds:0} s: an open transaction holds back " +
                "every instance's availability index (find it in sys.dm_tran_active_transactions).",
                s.Below, safe.Head, (now - s.Since).TotalSeconds);
            stuck = s with { Head = safe.Head, LoggedAt = now };
        }
    }
}

// Degraded, not unhealthy: the instance still answers (from an index that no longer moves); an operator must look.
internal sealed class SafePointHealthCheck(SafePointWatch watch) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default) =>
        Task.FromResult(watch.Alerting
            ? HealthCheckResult.Degraded($"The change log's safe point has not moved for {watch.StuckFor.TotalSeconds:0} s.")
            : HealthCheckResult.Healthy());
}
