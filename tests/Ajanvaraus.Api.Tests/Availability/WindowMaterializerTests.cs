using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Ajanvaraus.Api.Availability;
using Ajanvaraus.Api.Hosting;
using Ajanvaraus.Api.Tests.Infrastructure;
using Dapper;
using Hangfire;
using Hangfire.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using static Ajanvaraus.Api.Tests.Availability.AvailabilityRulesApiTests;

namespace Ajanvaraus.Api.Tests.Availability;

public sealed class WindowMaterializerTests(ITestOutputHelper output)
{
    private static async Task<List<DateTimeOffset>> WindowStartsAsync(AjanvarausApp app)
    {
        await using var c = await app.Db.OpenAsync(TestContext.Current.CancellationToken);
        return (await c.QueryAsync<DateTimeOffset>("SELECT StartsAt FROM AvailabilityWindows ORDER BY StartsAt")).AsList();
    }

    private static DateOnly Day(DateTimeOffset instant) => LocalTime.DateIn(instant, LocalTime.Helsinki);

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task DailyJobMovesTheHorizonWithTheClockAndLeavesBookingsAlone(Engine engine)
    {
        var clock = November23();
        await using var app = new AjanvarausApp(engine, clock: clock);
        var fixture = await AvailabilityFixture.SeedAsync(app);
        await app.AgencyAdmin("kela").PostAsJsonAsync(Rules(fixture.KelaExpert), Rule(point: null, channels: ["video"],
            validFrom: "2026-11-01"));
        var booking = await fixture.AddBookingAsync(app, DateTimeOffset.Parse("2026-11-25T09:00:00+02:00"), 30, channel: "video",
            pointId: null);
        var before = await AvailabilityFixture.BookingSnapshotAsync(app, booking);

        // The day before today to today + 90.
        var starts = await WindowStartsAsync(app);
        Assert.Equal(new DateOnly(2026, 11, 22), Day(starts[0]));
        Assert.Equal(new DateOnly(2027, 2, 21), Day(starts[^1]));

        clock.Advance(TimeSpan.FromDays(1));
        var written = await app.Services.GetRequiredService<WindowMaterializer>().ExtendAllAsync(TestContext.Current.CancellationToken);

        starts = await WindowStartsAsync(app);
        Assert.Equal(new DateOnly(2026, 11, 23), Day(starts[0]));
        Assert.Equal(new DateOnly(2027, 2, 22), Day(starts[^1]));
        Assert.Equal(starts.Count, written);
        Assert.Equal(starts.Count, starts.Distinct().Count());
        Assert.Equal(before, await AvailabilityFixture.BookingSnapshotAsync(app, booking));
    }

    [Fact]
    public async Task HorizonLengthComesFromConfiguration()
    {
        await using var app = new AjanvarausApp(settings: new Dictionary<string, string?> { ["Availability:HorizonDays"] = "10" },
            clock: November23());
        var fixture = await AvailabilityFixture.SeedAsync(app);
        await app.AgencyAdmin("kela").PostAsJsonAsync(Rules(fixture.KelaExpert), Rule(point: null, channels: ["phone"],
            validFrom: "2026-11-01"));

        var starts = await WindowStartsAsync(app);
        Assert.Equal(new DateOnly(2026, 12, 3), Day(starts[^1]));
        Assert.Equal(12, starts.Count);
    }

    [Fact]
    public void HorizonOutsideItsRangeStopsStartup()
    {
        using var app = new AjanvarausApp(settings: new Dictionary<string, string?> { ["Availability:HorizonDays"] = "0" });
        var failure = Assert.ThrowsAny<Exception>(() => app.CreateClient());
        Assert.Contains("HorizonDays", failure.ToString());
    }

    [Fact]
    public async Task ClosureRemovesThePointsWindowsWhenThePointIsRebuilt()
    {
        await using var app = new AjanvarausApp(clock: November23());
        var fixture = await AvailabilityFixture.SeedAsync(app);
        var kela = app.AgencyAdmin("kela");
        await kela.PostAsJsonAsync(Rules(fixture.KelaExpert), Rule(point: "mikkeli", channels: ["in_person"], start: "09:00",
            end: "12:00"));
        await kela.PostAsJsonAsync(Rules(fixture.KelaExpert), Rule(point: null, channels: ["video"], start: "13:00", end: "15:00"));
        Assert.Equal(4, (await WindowsAsync(kela, fixture.KelaExpert, "2026-12-01", "2026-12-02")).Count);

        await AvailabilityFixture.AddClosureAsync(app, "mikkeli", new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 1));
        await app.Services.GetRequiredService<WindowMaterializer>().RebuildServicePointAsync("mikkeli",
            TestContext.Current.CancellationToken);

        var windows = await WindowsAsync(kela, fixture.KelaExpert, "2026-12-01", "2026-12-02");
        Assert.Equal(
            ["2026-12-01T13:00:00+02:00", "2026-12-02T09:00:00+02:00", "2026-12-02T13:00:00+02:00"],
            windows.Select(Start));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task DailyJobRebuildsManyExpertsInChunksAndIsRepeatable(Engine engine)
    {
        const int experts = 600;
        await using var app = new AjanvarausApp(engine, clock: November23());
        await AvailabilityFixture.SeedAsync(app);
        var ct = TestContext.Current.CancellationToken;
        var created = DateTimeOffset.Parse("2026-01-01T00:00:00Z");
        var ids = Enumerable.Range(0, experts).Select(_ => Guid.CreateVersion7()).ToList();
        await using (var c = await app.Db.OpenAsync(ct))
        {
            await using var tx = await c.BeginTransactionAsync(ct);
            await c.ExecuteAsync(
                "INSERT INTO Experts (Id, ProviderId, DisplayName, IsActive, CreatedAt, UpdatedAt) VALUES (@Id, 'kela', 'Asiantuntija', 1, @Created, @Created)",
                ids.Select(id => new { Id = id, Created = created }), tx);
            await c.ExecuteAsync(
                """
                INSERT INTO AvailabilityRules (Id, ExpertId, ServicePointId, AllowsInPerson, AllowsRemoteAtPoint, AllowsVideo, AllowsPhone,
                                               StartTime, EndTime, RecurrenceRule, ValidFrom, ValidUntil, CreatedAt, UpdatedAt)
                VALUES (@Id, @ExpertId, 'mikkeli', 1, 0, 1, 0, @StartTime, @EndTime, 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR', @ValidFrom, NULL, @Created, @Created)
                """,
                ids.Select(id => new { Id = Guid.CreateVersion7(), ExpertId = id, StartTime = new TimeOnly(8, 0),
                    EndTime = new TimeOnly(16, 0), ValidFrom = new DateOnly(2026, 1, 5), Created = created }),
                tx);
            await tx.CommitAsync(ct);
        }

        var materializer = app.Services.GetRequiredService<WindowMaterializer>();
        var watch = Stopwatch.StartNew();
        var written = await materializer.ExtendAllAsync(ct);
        output.WriteLine($"{written} windows of {experts} experts in {watch.Elapsed}");

        // 2026-11-22 .. 2027-02-21 has 65 weekdays, of which 24 and 25 December, 1 and 6 January are holidays.
        Assert.Equal(experts * (65 - 4), written);
        Assert.Equal(written, await AvailabilityFixture.WindowCountAsync(app));
        Assert.Equal(written, await materializer.ExtendAllAsync(ct));
        Assert.Equal(written, await AvailabilityFixture.WindowCountAsync(app));
    }

    [Fact]
    public void TheHorizonJobIsRegisteredAndNoJobServerRunsInTests()
    {
        using var app = new AjanvarausApp();
        _ = app.CreateClient();

        using var connection = app.Services.GetRequiredService<JobStorage>().GetConnection();
        var job = Assert.Single(connection.GetRecurringJobs(), j => j.Id == HangfireExtensions.ExtendHorizonJob);
        Assert.Equal(Cron.Daily(2), job.Cron);
        Assert.Equal(typeof(WindowMaterializer), job.Job.Type);
        Assert.Equal(nameof(WindowMaterializer.ExtendAllAsync), job.Job.Method.Name);
        Assert.DoesNotContain(app.Services.GetServices<IHostedService>(), s => s.GetType().FullName!.StartsWith("Hangfire",
            StringComparison.Ordinal));
    }
}
