using Ajanvaraus.Api.Search;
using Ajanvaraus.Api.Tests.Infrastructure;
using Dapper;
using Microsoft.Data.SqlClient;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Ajanvaraus.Api.Tests.Search;

// What only SQL Server shows: an open transaction that took a rowversion holds MIN_ACTIVE_ROWVERSION() down for every
// instance; past the alert time /health/ready says Degraded, and once it commits the index reads on and health recovers.
public sealed class SafePointSqlServerTests
{
    [Fact]
    public async Task AStuckWriterDegradesReadinessUntilItCommits()
    {
        var ct = TestContext.Current.CancellationToken;
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = new AjanvarausApp(Engine.SqlServer,
            new Dictionary<string, string?> { ["Availability:ChangeLogLagAlertSeconds"] = "5" }, clock);
        var index = app.Services.GetRequiredService<AvailabilityIndex>();
        var watch = app.Services.GetRequiredService<SafePointWatch>();
        await index.BuildAsync(ct);
        await using var stuck = new SqlConnection(app.Db.ConnectionString);
        await stuck.OpenAsync(ct);
        await using var tx = stuck.BeginTransaction();
        await stuck.ExecuteAsync("INSERT INTO dbo.AvailabilityChanges (Kind, ChangedAt) VALUES ('catalogue', SYSDATETIMEOFFSET())",
            transaction: tx);

        await index.CatchUpAsync(ct);
        clock.Advance(TimeSpan.FromSeconds(6));
        await index.CatchUpAsync(ct);

        Assert.True(watch.Alerting);
        var ready = await app.CreateClient().GetStringAsync("/health/ready", ct);
        Assert.Contains("\"change-log-safe-point\":\"Degraded\"", ready);

        await tx.CommitAsync(ct);
        await index.CatchUpAsync(ct);
        Assert.False(watch.Alerting);
    }
}
