using System.Net;
using System.Net.Http.Json;
using Ajanvaraus.Api.Availability;
using Ajanvaraus.Api.Tests.Bookings;
using Ajanvaraus.Api.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Ajanvaraus.Api.Tests.Search;

// What a write changes reaches search because the write scope carries it: at once on the writing instance (before the
// answer), within a poll on another, whatever made the write (a route, a job, a store called directly).
public sealed class WriteEffectsTests
{
    // The channels the expert is offered in on the day: at the point (visits) and nationwide (video, phone).
    private static async Task<List<string>> ChannelsAsync(AjanvarausApp app, Guid service, Guid expert)
    {
        var channels = new List<string>();
        foreach (var place in new[] { "&servicePoint=mikkeli", "" })
        {
            var page = await (await app.CreateClient().GetAsync(
                $"/api/v1/availability?service={service}&expert={expert}&from=2026-11-24&to=2026-11-24&limit=500{place}"))
                .ReadJsonAsync(HttpStatusCode.OK);
            channels.AddRange(page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("channel").GetString()!));
        }

        return channels.Distinct().Order(StringComparer.Ordinal).ToList();
    }

    private static async Task<bool> WithinAsync(TimeSpan limit, Func<Task<bool>> condition)
    {
        var started = DateTime.UtcNow;
        while (DateTime.UtcNow - started < limit)
        {
            if (await condition())
            {
                return true;
            }

            await Task.Delay(50);
        }

        return await condition();
    }

    [Fact]
    public async Task ADeletedRulesTimesLeaveSearchAtOnceHereAndWithinASecondOnAnotherInstance()
    {
        await using var world = await BookingWorld.CreateAsync(experts: 0);
        await using var other = new AjanvarausApp(Engine.Sqlite, new Dictionary<string, string?>
        {
            ["Database:ConnectionString"] = world.App.Db.ConnectionString,
            ["Availability:IndexPollMilliseconds"] = "250",
        }, world.Clock);
        var admin = world.App.AgencyAdmin("kela");
        var expert = (await (await admin.PostAsJsonAsync("/api/v1/providers/kela/experts", new
        {
            displayName = "Uusi asiantuntija", languages = new[] { "fi" }, serviceIds = new[] { world.ServiceId },
        })).ReadJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var video = await RuleAsync(admin, expert, "video", "13:00", "15:00");
        await RuleAsync(admin, expert, "in_person", "09:00", "12:00");
        Assert.Equal(["in_person", "video"], await ChannelsAsync(world.App, world.ServiceId, expert));
        Assert.True(await WithinAsync(TimeSpan.FromSeconds(5), async () =>
            (await ChannelsAsync(other, world.ServiceId, expert)).Count == 2));

        var deleted = await admin.DeleteAsync($"/api/v1/experts/{expert}/availability-rules/{video}");
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);

        Assert.Equal(["in_person"], await ChannelsAsync(world.App, world.ServiceId, expert));
        Assert.True(await WithinAsync(TimeSpan.FromSeconds(1), async () =>
            (await ChannelsAsync(other, world.ServiceId, expert)).SequenceEqual(["in_person"])));
    }

    [Fact]
    public async Task AWriteMadeWithoutAnyRouteReachesSearchBeforeItReturns()
    {
        await using var world = await BookingWorld.CreateAsync();
        Assert.NotEmpty(await ChannelsAsync(world.App, world.ServiceId, world.Expert));
        var rules = world.App.Services.GetRequiredService<AvailabilityRuleStore>();
        var rule = Assert.Single(await rules.ListAsync(world.Expert, null, 10, TestContext.Current.CancellationToken));

        Assert.True(await rules.DeleteAsync(world.Expert, rule.Id, TestContext.Current.CancellationToken));

        Assert.Empty(await ChannelsAsync(world.App, world.ServiceId, world.Expert));
    }

    [Fact]
    public async Task AServiceRemovedFromAnExpertLeavesSearchAtOnce()
    {
        await using var world = await BookingWorld.CreateAsync();
        var admin = world.App.AgencyAdmin("kela");
        Assert.NotEmpty(await ChannelsAsync(world.App, world.ServiceId, world.Expert));

        var changed = await admin.PutAsJsonAsync($"/api/v1/providers/kela/experts/{world.Expert}", new
        {
            displayName = "Kela-asiantuntija 1", languages = new[] { "fi" }, serviceIds = Array.Empty<Guid>(),
        });

        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Empty(await ChannelsAsync(world.App, world.ServiceId, world.Expert));
    }

    [Fact]
    public async Task AHeldTimeLeavesSearchAndComesBackWhenTheHoldLapsesWithoutAnyWrite()
    {
        await using var world = await BookingWorld.CreateAsync();
        var start = BookingWorld.Tuesday(9);
        var held = await world.App.CreateClient().PostAsJsonAsync("/api/v1/holds",
            new { serviceId = world.ServiceId, start, channel = "in_person", servicePointId = "mikkeli" });
        Assert.Equal(HttpStatusCode.Created, held.StatusCode);
        Assert.DoesNotContain(start, await StartsAsync(world));

        world.Clock.Advance(TimeSpan.FromMinutes(9));
        Assert.DoesNotContain(start, await StartsAsync(world));
        world.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Contains(start, await StartsAsync(world));
    }

    private static async Task<List<DateTimeOffset>> StartsAsync(BookingWorld world) =>
        (await (await world.App.CreateClient().GetAsync(
            $"/api/v1/availability?service={world.ServiceId}&servicePoint=mikkeli&channel=in_person&from=2026-11-24&to=2026-11-24"))
            .ReadJsonAsync(HttpStatusCode.OK))
        .GetProperty("items").EnumerateArray().Select(i => i.GetProperty("start").GetDateTimeOffset()).ToList();

    [Fact]
    public async Task ABookingOfAnyExpertCostsOneWriteAndOneReadOfTheDatabase()
    {
        await using var world = await BookingWorld.CreateAsync(experts: 3);
        await world.BookOkAsync(world.Booking(BookingWorld.Tuesday(9)));
        var before = world.App.Db.Opened;

        var booked = await world.BookAsync(new
        {
            serviceId = world.ServiceId, start = BookingWorld.Tuesday(10), channel = "in_person", servicePointId = "mikkeli",
            customer = new { name = "Maija Meikäläinen", email = "maija@example.fi", language = "fi" },
        });

        Assert.Equal(HttpStatusCode.Created, booked.StatusCode);
        // The write (the key, the windows' judgement, units, booking, history, messages, change rows) and the index's
        // catch-up before the answer: nothing read before the write, nothing read back after it.
        Assert.Equal(2, world.App.Db.Opened - before);
    }

    private static async Task<Guid> RuleAsync(HttpClient admin, Guid expert, string channel, string from, string to) =>
        (await (await admin.PostAsJsonAsync($"/api/v1/experts/{expert}/availability-rules", new
        {
            servicePointId = channel == "in_person" ? "mikkeli" : null, channels = new[] { channel }, startTime = from, endTime = to,
            recurrence = "FREQ=WEEKLY;BYDAY=TU", validFrom = "2026-10-01",
        })).ReadJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();
}
