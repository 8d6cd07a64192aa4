using System.Net;
using System.Net.Http.Json;
using Ajanvaraus.Api.Bookings;
using Ajanvaraus.Api.Privacy;
using Ajanvaraus.Api.Tests.Data;
using Ajanvaraus.Api.Tests.Infrastructure;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace Ajanvaraus.Api.Tests.Bookings;

// The purges stay out of bookings' way: expired holds go a few at a time at low deadlock priority, and the retention
// purge does not look for idempotency keys that cannot still exist.
public sealed class PurgeBatchTests
{
    [Fact]
    public async Task MoreExpiredHoldsThanOneBatchAllGoAndTheirUnitsWithThem()
    {
        await using var world = await BookingWorld.CreateAsync(experts: 3);
        var starts = new[] { 0, 1, 7, 8 }.SelectMany(day => new[] { 9.0, 9.75, 10.5, 11.25 }
            .Select(hour => BookingWorld.Tuesday(0).AddDays(day).AddHours(hour)));
        var holds = 0;
        foreach (var (start, expert) in starts.SelectMany(s => world.Experts.Select(e => (s, e))))
        {
            var answer = await world.App.CreateClient().PostAsJsonAsync("/api/v1/holds", new
            {
                serviceId = world.ServiceId, expertId = expert, start, channel = "in_person", servicePointId = "mikkeli",
            }, TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.Created, answer.StatusCode);
            holds++;
        }

        Assert.True(holds > PurgeJobs.HoldBatchSize * 2, $"{holds} holds");
        world.Clock.Advance(TimeSpan.FromHours(2));

        var (purged, _) = await world.App.Services.GetRequiredService<PurgeJobs>().PurgeExpiredAsync(TestContext.Current.CancellationToken);

        Assert.Equal(holds, purged);
        await using var c = await world.App.Db.OpenAsync(TestContext.Current.CancellationToken);
        Assert.Equal(0, await c.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM BookedUnits WHERE HoldId IS NOT NULL"));
    }

    [Fact]
    public void OnSqlServerTheHoldPurgeAsksToBeTheDeadlockVictimAndSetsItBack()
    {
        var low = Assert.IsType<SetCommandStatement>(Assert.Single(TSql.Statements(PurgeJobs.LowDeadlockPrioritySql.SqlServer)));
        var normal = Assert.IsType<SetCommandStatement>(Assert.Single(TSql.Statements(PurgeJobs.NormalDeadlockPrioritySql.SqlServer)));

        Assert.Equal("LOW", Value(low));
        Assert.Equal("NORMAL", Value(normal));

        static string Value(SetCommandStatement set) => Assert.IsType<GeneralSetCommand>(Assert.Single(set.Commands)) switch
        {
            { CommandType: GeneralSetCommandType.DeadlockPriority, Parameter: IdentifierLiteral id } => id.Value.ToUpperInvariant(),
            var other => other.CommandType.ToString(),
        };
    }
}
