using System.Diagnostics;
using Ajanvaraus.Api.Calendars.Sources;
using Ajanvaraus.Api.Tests.Bookings;
using Microsoft.Extensions.DependencyInjection;
using static Ajanvaraus.Api.Tests.Calendars.CalendarSourceClient;

namespace Ajanvaraus.Api.Tests.Calendars;

// One slow server or one expensive feed costs its own source a bounded time and an error, never the others' sync.
public sealed class CalendarSyncBoundsTests
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(40);

    // 300 bytes that once took 28 s of CPU per sync: one event every second (or minute) since 2016.
    public static string Frequent(string freq) => $"""
        BEGIN:VCALENDAR
        PRODID:-//Probe//EN
        VERSION:2.0
        BEGIN:VEVENT
        UID:burn@example
        DTSTAMP:20160101T000000Z
        DTSTART:20160101T000000Z
        DTEND:20160101T000001Z
        RRULE:FREQ={freq}
        END:VEVENT
        END:VCALENDAR
        """;

    [Fact]
    public async Task AServerThatTricklesItsBodyIsCutOffAtTheDeadlineAndItsBusyTimesStay()
    {
        await using var feeds = await FixtureServer.StartAsync();
        feeds.Set("cal.ics", CalendarFixtures.OneEvent("20261124T080000Z", "20261124T090000Z"));
        await using var world = await BookingWorld.CreateAsync(settings: LoopbackWith(("Calendars:FetchTimeoutSeconds", "2")));
        var source = await AddSourceAsync(world, "Outlook", feeds.Url("cal.ics"));
        feeds.Trickle("cal.ics");

        var watch = Stopwatch.StartNew();
        var state = await SyncAsync(world, source).WaitAsync(Guard);

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"the sync took {watch.Elapsed}");
        Assert.Equal(SourceErrors.TimeoutMessage, LastError(state));
        Assert.Equal(1, state.GetProperty("busyIntervals").GetInt32());
    }

    [Fact]
    public async Task OneSlowSourceNeverDelaysTheOthersInTheRecurringJob()
    {
        await using var feeds = await FixtureServer.StartAsync();
        await using var world = await BookingWorld.CreateAsync(settings: LoopbackWith(("Calendars:FetchTimeoutSeconds", "4")));
        var names = new[] { "slow1.ics", "slow2.ics", "good1.ics", "good2.ics" };
        foreach (var name in names)
        {
            feeds.Set(name, CalendarFixtures.OneEvent("20261124T080000Z", "20261124T090000Z"));
        }

        var sources = new List<System.Text.Json.JsonElement>();
        foreach (var name in names)
        {
            sources.Add(await AddSourceAsync(world, name, feeds.Url(name)));
        }

        feeds.Trickle("slow1.ics");
        feeds.Trickle("slow2.ics");
        feeds.FirstHitAt.Clear();
        world.Clock.Advance(TimeSpan.FromMinutes(15));

        var started = DateTime.UtcNow;
        await world.App.Services.GetRequiredService<CalendarSync>().SyncAllAsync(default).WaitAsync(Guard);

        // Sources are synced in id (creation) order: one at a time, the good ones would wait for both slow ones' deadlines.
        Assert.All(names[2..], n => Assert.True(feeds.FirstHitAt[n] - started < TimeSpan.FromSeconds(3), $"{n} waited"));
        var states = new List<System.Text.Json.JsonElement>();
        foreach (var source in sources)
        {
            states.Add(await GetAsync(world, source));
        }

        Assert.Equal([SourceErrors.TimeoutMessage, SourceErrors.TimeoutMessage, null, null], states.Select(LastError));
        Assert.All(states, s => Assert.Equal(1, s.GetProperty("busyIntervals").GetInt32()));
    }

    [Theory]
    [InlineData("SECONDLY")]
    [InlineData("MINUTELY")]
    [InlineData("HOURLY")]
    public async Task AFeedRepeatingMoreOftenThanDailyIsRefusedQuicklyAndItsLastGoodBusyTimesStay(string freq)
    {
        await using var feeds = await FixtureServer.StartAsync();
        feeds.Set("cal.ics", CalendarFixtures.OneEvent("20261124T080000Z", "20261124T090000Z"));
        await using var world = await BookingWorld.CreateAsync(settings: Loopback);
        var source = await AddSourceAsync(world, "Outlook", feeds.Url("cal.ics"));
        feeds.Set("cal.ics", Frequent(freq));

        var watch = Stopwatch.StartNew();
        var state = await SyncAsync(world, source).WaitAsync(Guard);

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(3), $"the sync took {watch.Elapsed}");
        Assert.Equal(SourceErrors.SubDailyMessage, LastError(state));
        Assert.Equal(1, state.GetProperty("busyIntervals").GetInt32());
    }
}
