using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ajanvaraus.Api.Tests.Bookings;
using Ajanvaraus.Api.Tests.Infrastructure;
using static Ajanvaraus.Api.Tests.Calendars.CalendarSourceClient;

namespace Ajanvaraus.Api.Tests.Calendars;

// Busy times in, through the public API: a real HTTP server serves the feeds on loopback (so these apps opt in to
// private addresses); slots are read from /availability.
public sealed class CalendarSourceTests
{
    private static async Task<List<string>> StartsAsync(BookingWorld world, string day)
    {
        var url = $"/api/v1/availability?service={world.ServiceId}&servicePoint=mikkeli&channel=in_person"
            + $"&from={day}&to={day}";
        var body = await (await world.App.CreateClient().GetAsync(url)).ReadJsonAsync(HttpStatusCode.OK);
        return body.GetProperty("items").EnumerateArray().Select(s => s.GetProperty("start").GetString()![11..16]).ToList();
    }

    private static async Task<List<JsonElement>> ConflictsAsync(BookingWorld world) =>
        (await (await world.App.AgencyAdmin("kela").GetAsync("/api/v1/providers/kela/conflicts")).ReadJsonAsync(HttpStatusCode.OK))
            .GetProperty("items").EnumerateArray().ToList();

    private static readonly string[] AllDay = ["09:00", "09:15", "09:30", "09:45", "10:00", "10:15", "10:30", "10:45", "11:00", "11:15"];

    [Fact]
    public async Task OutlookMeetingsStopBeingOfferedAndComeBackWhenTheSourceGoes()
    {
        await using var feeds = await FixtureServer.StartAsync();
        feeds.Set("outlook.ics", CalendarFixtures.Outlook);
        await using var world = await BookingWorld.CreateAsync(settings: Loopback);
        Assert.Equal(AllDay, await StartsAsync(world, "2026-11-24"));

        var source = await AddSourceAsync(world, "Outlook", feeds.Url("outlook.ics"));

        Assert.Equal(["09:00", "09:15", "11:00", "11:15"], await StartsAsync(world, "2026-11-24"));
        Assert.Equal(AllDay, await StartsAsync(world, "2026-12-01"));                   // EXDATE
        Assert.Equal(AllDay, await StartsAsync(world, "2026-12-08"));                   // moved away ...
        Assert.Equal(AllDay[4..], await StartsAsync(world, "2026-12-09"));              // ... to Wednesday 09-10
        Assert.Equal(AllDay, await StartsAsync(world, "2026-11-27"));                   // free time does not block
        // Tuesdays 24.11.2026-16.2.2027 (the 90-day horizon) without 1.12 and 8.12, plus the moved one.
        Assert.Equal(12, source.GetProperty("busyIntervals").GetInt32());
        Assert.False(source.GetProperty("stale").GetBoolean());
        Assert.True(source.TryGetProperty("lastSuccessAt", out _));

        var booking = await world.BookAsync(world.Booking(BookingWorld.Tuesday(10)));
        await booking.AssertValidationErrorAsync("start");

        var deleted = await world.App.AgencyAdmin("kela").DeleteAsync(
            $"/api/v1/experts/{world.Expert}/calendar-sources/{source.GetProperty("id").GetGuid()}");
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(AllDay, await StartsAsync(world, "2026-11-24"));
    }

    [Fact]
    public async Task GoogleAllDayAndVFreeBusyBlockTheirTimes()
    {
        await using var feeds = await FixtureServer.StartAsync();
        feeds.Set("google.ics", CalendarFixtures.Google);
        feeds.Set("freebusy.ics", CalendarFixtures.FreeBusy);
        await using var world = await BookingWorld.CreateAsync(settings: Loopback);

        await AddSourceAsync(world, "Google", feeds.Url("google.ics"));
        await AddSourceAsync(world, "CalDAV", feeds.Url("freebusy.ics"));

        Assert.Equal(AllDay[4..], await StartsAsync(world, "2026-11-24"));              // FREEBUSY 09-10
        Assert.Equal(["09:00", "09:15", "11:00", "11:15"], await StartsAsync(world, "2026-11-25")); // 08:00Z-09:00Z
        Assert.Empty(await StartsAsync(world, "2026-11-26"));                           // all day
        Assert.Equal(AllDay[..6], await StartsAsync(world, "2026-11-27"));              // floating 11-12 local
        Assert.Equal(AllDay, await StartsAsync(world, "2026-11-30"));                   // cancelled
    }

    [Fact]
    public async Task ABookingANewBusyTimeOverlapsIsAConflictNamingTheSourceAndAStaleSourceKeepsItsBusyTimes()
    {
        await using var feeds = await FixtureServer.StartAsync();
        feeds.Set("outlook.ics", CalendarFixtures.Outlook);
        await using var world = await BookingWorld.CreateAsync(settings: Loopback);
        var booking = await world.BookOkAsync(world.Booking(BookingWorld.Tuesday(10)));

        var source = await AddSourceAsync(world, "Outlook", feeds.Url("outlook.ics"));

        var conflict = Assert.Single(await ConflictsAsync(world));
        Assert.Equal(booking.GetProperty("id").GetGuid(), conflict.GetProperty("bookingId").GetGuid());
        Assert.Equal("Outlook", conflict.GetProperty("calendarSource").GetProperty("name").GetString());
        Assert.False(conflict.GetProperty("calendarSource").GetProperty("stale").GetBoolean());
        var status = await (await world.App.AgencyAdmin("kela").GetAsync("/api/v1/providers/kela/bookings"))
            .ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal("confirmed", status.GetProperty("items")[0].GetProperty("status").GetString());

        // The feed breaks and three hours pass: the source is stale, its last good busy times still hold.
        feeds.Set("outlook.ics", CalendarFixtures.Broken);
        world.Clock.Advance(TimeSpan.FromHours(3));
        var state = await SyncAsync(world, source);

        Assert.True(state.GetProperty("stale").GetBoolean());
        Assert.Contains("could not be read", state.GetProperty("lastError").GetString());
        Assert.Equal(source.GetProperty("busyIntervals").GetInt32(), state.GetProperty("busyIntervals").GetInt32());
        Assert.Equal(source.GetProperty("lastSuccessAt").GetString(), state.GetProperty("lastSuccessAt").GetString());
        Assert.Equal(["09:00", "09:15", "11:00", "11:15"], await StartsAsync(world, "2026-12-15"));
        Assert.True(Assert.Single(await ConflictsAsync(world)).GetProperty("calendarSource").GetProperty("stale").GetBoolean());

        var stale = await (await world.App.Operator().GetAsync("/api/v1/calendar-sources?stale=true")).ReadJsonAsync(HttpStatusCode.OK);
        var listed = Assert.Single(stale.GetProperty("items").EnumerateArray());
        Assert.Equal(source.GetProperty("id").GetGuid(), listed.GetProperty("id").GetGuid());
        Assert.False(listed.TryGetProperty("url", out var url) && url.ValueKind == JsonValueKind.String);
        var fresh = await (await world.App.Operator().GetAsync("/api/v1/calendar-sources?stale=false")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Empty(fresh.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task AChangedFeedFreesTheTimeItNoLongerHoldsAndAnUnchangedOneCostsA304()
    {
        await using var feeds = await FixtureServer.StartAsync();
        feeds.Set("cal.ics", CalendarFixtures.OneEvent("20261124T080000Z", "20261124T090000Z"), etag: "\"v1\"");
        await using var world = await BookingWorld.CreateAsync(settings: Loopback);
        var source = await AddSourceAsync(world, "Exchange", feeds.Url("cal.ics"));
        Assert.Equal(["09:00", "09:15", "11:00", "11:15"], await StartsAsync(world, "2026-11-24"));

        var again = await SyncAsync(world, source);
        Assert.Equal(1, feeds.NotModified.GetValueOrDefault("cal.ics"));
        Assert.Equal(1, again.GetProperty("busyIntervals").GetInt32());
        Assert.False(again.TryGetProperty("lastError", out var error) && error.ValueKind == JsonValueKind.String);

        feeds.Set("cal.ics", CalendarFixtures.OneEvent("20261124T070000Z", "20261124T080000Z"), etag: "\"v2\"");
        await SyncAsync(world, source);
        Assert.Equal(AllDay[4..], await StartsAsync(world, "2026-11-24"));
    }

    [Theory]
    [InlineData("big", "larger than")]
    [InlineData("loop", "redirects more than 3 times")]
    [InlineData("missing.ics", "answered with HTTP 404")]
    [InlineData("broken.ics", "could not be read")]
    public async Task AFeedThatCannotBeUsedIsAnErrorOfTheSourceAndNeverAWipe(string path, string reason)
    {
        await using var feeds = await FixtureServer.StartAsync();
        feeds.Set("good.ics", CalendarFixtures.OneEvent("20261124T080000Z", "20261124T090000Z"));
        feeds.Set("broken.ics", CalendarFixtures.Broken);
        await using var world = await BookingWorld.CreateAsync(settings: Loopback);
        var source = await AddSourceAsync(world, "Outlook", feeds.Url("good.ics"));
        var id = source.GetProperty("id").GetGuid();

        var moved = await (await Admin(world).PutAsJsonAsync($"/api/v1/experts/{world.Expert}/calendar-sources/{id}",
            new { name = "Outlook", url = feeds.Url(path) })).ReadJsonAsync(HttpStatusCode.OK);

        Assert.Contains(reason, moved.GetProperty("lastError").GetString());
        Assert.Equal(1, moved.GetProperty("busyIntervals").GetInt32());
        Assert.Equal(["09:00", "09:15", "11:00", "11:15"], await StartsAsync(world, "2026-11-24"));
    }

    [Fact]
    public async Task AServerThatRefusesTheConnectionIsAnErrorOfTheSourceAnsweredAtOnce()
    {
        await using var world = await BookingWorld.CreateAsync(settings: Loopback);
        var started = DateTime.UtcNow;

        var source = await AddSourceAsync(world, "Outlook", "http://127.0.0.1:9/calendar.ics");

        Assert.Contains("could not be reached", source.GetProperty("lastError").GetString());
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(20), "the refused connection was answered late");
        Assert.Equal(AllDay, await StartsAsync(world, "2026-11-24"));
    }

    [Fact]
    public async Task APrivateAddressIsRefusedByDefault()
    {
        await using var feeds = await FixtureServer.StartAsync();
        feeds.Set("cal.ics", CalendarFixtures.OneEvent("20261124T080000Z", "20261124T090000Z"));
        await using var world = await BookingWorld.CreateAsync();

        var source = await AddSourceAsync(world, "Outlook", feeds.Url("cal.ics"));

        Assert.Equal(Api.Calendars.Sources.SourceErrors.NotAllowedMessage, LastError(source));
        Assert.Equal(0, feeds.Hits.GetValueOrDefault("cal.ics"));
        Assert.Equal(AllDay, await StartsAsync(world, "2026-11-24"));
    }

    [Fact]
    public async Task OnlyTheExpertsOwnAgencyManagesItsSourcesAndTheAddressMustBeHttp()
    {
        await using var world = await BookingWorld.CreateAsync(otherAgencies: ["vero"]);
        var path = $"/api/v1/experts/{world.Expert}/calendar-sources";

        var other = await world.App.AgencyAdmin("vero").PostAsJsonAsync(path, new { name = "Outlook", url = "https://example.fi/a.ics" });
        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await world.App.Adviser("mikkeli").GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await world.App.AgencyAdmin("kela").GetAsync("/api/v1/calendar-sources")).StatusCode);
        await (await world.App.AgencyAdmin("kela").PostAsJsonAsync(path, new { name = "Outlook", url = "file:///etc/passwd" }))
            .AssertValidationErrorAsync("url");
        await (await world.App.AgencyAdmin("kela").PostAsJsonAsync(path, new { name = "", url = "https://example.fi/a.ics" }))
            .AssertValidationErrorAsync("name");
    }
}
