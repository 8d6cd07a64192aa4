using Ajanvaraus.Api.Availability;
using Ajanvaraus.Api.Search;
using Ajanvaraus.Api.Tests.Infrastructure;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Ajanvaraus.Api.Tests.Search;

// One stuck transaction freezes every instance's index: the watch says so (a log line, a degraded health) in time.
public sealed class SafePointWatchTests
{
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 12, 7, 12, 0, 0, TimeSpan.Zero));
    private readonly InMemoryLogs logs = InMemoryLogs.New();

    [Fact]
    public async Task ASafePointStandingStillBehindTheHeadPastTheLimitWarnsOnceAndDegradesHealth()
    {
        var watch = Watch();
        var check = new SafePointHealthCheck(watch);
        watch.Observe(new SafePoint { Below = 100, Head = 140 });
        clock.Advance(TimeSpan.FromSeconds(59));
        watch.Observe(new SafePoint { Below = 100, Head = 180 });
        Assert.Equal(HealthStatus.Healthy,
            (await check.CheckHealthAsync(new HealthCheckContext(), TestContext.Current.CancellationToken)).Status);
        Assert.DoesNotContain("MIN_ACTIVE_ROWVERSION", logs.All, StringComparison.Ordinal);

        clock.Advance(TimeSpan.FromSeconds(2));
        watch.Observe(new SafePoint { Below = 100, Head = 200 });
        watch.Observe(new SafePoint { Below = 100, Head = 210 });

        Assert.Equal(HealthStatus.Degraded,
            (await check.CheckHealthAsync(new HealthCheckContext(), TestContext.Current.CancellationToken)).Status);
        Assert.Single(logs.Lines, line => line.StartsWith("Warning", StringComparison.Ordinal) && line.Contains("MIN_ACTIVE_ROWVERSION()"));
    }

    [Fact]
    public void ASafePointThatMovesOrCatchesUpIsNeverAnAlert()
    {
        var watch = Watch();
        for (var i = 0; i < 10; i++)
        {
            watch.Observe(new SafePoint { Below = 100 + i, Head = 140 + i });
            clock.Advance(TimeSpan.FromSeconds(30));
        }

        Assert.False(watch.Alerting);
        watch.Observe(new SafePoint { Below = 151, Head = 150 });
        clock.Advance(TimeSpan.FromMinutes(10));
        Assert.False(watch.Alerting);
        Assert.Equal(TimeSpan.Zero, watch.StuckFor);
    }

    private SafePointWatch Watch()
    {
        var factory = LoggerFactory.Create(b => b.AddProvider(logs));
        return new SafePointWatch(clock, Microsoft.Extensions.Options.Options.Create(new AvailabilityOptions()),
            factory.CreateLogger<SafePointWatch>());
    }
}
