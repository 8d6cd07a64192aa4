using System.Net;
using System.Net.Http.Json;
using Ajanvaraus.Api.Availability;
using Ajanvaraus.Api.Data;
using Ajanvaraus.Api.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static Ajanvaraus.Api.Tests.Availability.AvailabilityRulesApiTests;

namespace Ajanvaraus.Api.Tests.Availability;

// Issue 17: one runner of the full rebuild across instances, and none at start-up when the horizon is current.
public sealed class WindowRebuildJobTests
{
    private static async Task<AjanvarausApp> WorldAsync(FakeTimeProvider clock, Engine engine = Engine.Sqlite)
    {
        var app = new AjanvarausApp(engine, clock: clock);
        var fixture = await AvailabilityFixture.SeedAsync(app);
        await (await app.AgencyAdmin("kela").PostAsJsonAsync(Rules(fixture.KelaExpert), Rule())).ReadJsonAsync(HttpStatusCode.Created);
        return app;
    }

    // A second instance of the service on the first one's database (file, or SQL Server database).
    private static AjanvarausApp SecondInstance(AjanvarausApp first, FakeTimeProvider clock)
    {
        var settings = new Dictionary<string, string?> { ["Database:ConnectionString"] = first.Db.ConnectionString };
        var second = new AjanvarausApp(first.Engine, settings, clock);
        _ = second.CreateClient();
        return second;
    }

    private static WindowMaterializer Materializer(AjanvarausApp app) => app.Services.GetRequiredService<WindowMaterializer>();

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task OfTwoInstancesStartingTogetherOnlyOneRunsTheRebuild(Engine engine)
    {
        var clock = November23();
        await using var first = await WorldAsync(clock, engine);
        await using var second = SecondInstance(first, clock);
        var ct = TestContext.Current.CancellationToken;

        var runs = await Task.WhenAll(Materializer(first).RunAsync(force: false, ct), Materializer(second).RunAsync(force: false, ct));

        Assert.Single(runs, r => r > 0);
        Assert.Single(runs, r => r is null or 0);
        Assert.True(await AvailabilityFixture.WindowCountAsync(first) > 0);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task WhileOneInstanceHoldsTheJobAnotherSkipsItAndRunsOnceItIsFree(Engine engine)
    {
        var clock = November23();
        await using var first = await WorldAsync(clock, engine);
        await using var second = SecondInstance(first, clock);
        var ct = TestContext.Current.CancellationToken;

        var lease = await JobLease.TryAcquireAsync(first.Db, clock, WindowMaterializer.JobName, TimeSpan.FromMinutes(10), ct);
        Assert.NotNull(lease);
        Assert.Null(await Materializer(second).RunAsync(force: true, ct));
        Assert.Equal(0, await Materializer(second).ExtendAllAsync(ct));

        await lease.DisposeAsync();
        Assert.True(await Materializer(second).RunAsync(force: true, ct) > 0);
    }

    [Fact]
    public async Task ALeaseOfACrashedRunnerLapses()
    {
        var clock = November23();
        await using var first = await WorldAsync(clock);
        await using var second = SecondInstance(first, clock);
        var ct = TestContext.Current.CancellationToken;
        _ = await JobLease.TryAcquireAsync(first.Db, clock, WindowMaterializer.JobName, TimeSpan.FromMinutes(10), ct);

        clock.Advance(TimeSpan.FromMinutes(11));

        Assert.True(await Materializer(second).RunAsync(force: true, ct) > 0);
    }

    [Fact]
    public async Task StartUpRebuildsNothingWhenTheHorizonIsCurrentAndEverythingOnANewDay()
    {
        var clock = November23();
        await using var app = await WorldAsync(clock);
        var ct = TestContext.Current.CancellationToken;
        var materializer = Materializer(app);

        var written = await materializer.ExtendIfStaleAsync(ct);
        Assert.True(written > 0);
        Assert.Equal(0, await materializer.ExtendIfStaleAsync(ct));
        Assert.Equal(written, await materializer.ExtendAllAsync(ct));

        clock.Advance(TimeSpan.FromDays(1));
        Assert.True(await materializer.ExtendIfStaleAsync(ct) > 0);
    }
}

// Issue 17 item 8: the chunk's deletes go through the expert index (EndsAt alone had none: the table was scanned).
public sealed class WindowRebuildQueryPlanTests
{
    [Theory]
    [InlineData(nameof(WindowMaterializer.DeleteHistorySql), WindowMaterializer.DeleteHistorySql)]
    [InlineData(nameof(WindowMaterializer.DeleteWindowsSql), WindowMaterializer.DeleteWindowsSql)]
    public async Task DeletingAChunksWindowsSeeksTheExpertIndex(string name, string sql)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var app = new AjanvarausApp();
        _ = app.CreateClient();
        await using var c = await app.Db.OpenAsync(ct);
        await using var command = c.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + sql;
        foreach (var parameter in new[] { "@FirstExpertId", "@LastExpertId", "@Start" })
        {
            var p = command.CreateParameter();
            p.ParameterName = parameter;
            p.Value = "x";
            command.Parameters.Add(p);
        }

        var details = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                details.Add(reader.GetString(reader.GetOrdinal("detail")));
            }
        }

        var plan = string.Join(" | ", details);
        // A seek ("SEARCH ... (ExpertId>? AND ExpertId<?)"), not "SCAN AvailabilityWindows".
        Assert.True(plan.Contains("SEARCH AvailabilityWindows", StringComparison.Ordinal)
            && plan.Contains("IX_AvailabilityWindows_Expert (ExpertId>?", StringComparison.Ordinal), $"{name}: {plan}");
    }
}
