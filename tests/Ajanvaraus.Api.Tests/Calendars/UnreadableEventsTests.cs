using System.Net;
using System.Text.Json;
using Ajanvaraus.Api.Availability;
using Ajanvaraus.Api.Calendars.Sources;
using Ajanvaraus.Api.Tests.Bookings;
using Ajanvaraus.Api.Tests.Infrastructure;

namespace Ajanvaraus.Api.Tests.Calendars;

// Issue 24, 9: a feed whose events are all unreadable is an error saying how many, not a success with no busy time.
public sealed class UnreadableEventsTests
{
    private static readonly DateTimeOffset From = DateTimeOffset.Parse("2026-11-23T08:00:00Z");
    private static readonly DateTimeOffset To = DateTimeOffset.Parse("2026-12-31T00:00:00Z");

    private static string Feed(params string[] events) =>
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n"
        + string.Concat(events.Select((e, i) => $"BEGIN:VEVENT\r\nUID:e{i}@test\r\nDTSTAMP:20261101T000000Z\r\n{e}END:VEVENT\r\n"))
        + "END:VCALENDAR\r\n";

    [Theory]
    [InlineData("SUMMARY:no start\r\n")]
    [InlineData("DTSTART:tomorrow morning\r\nDTEND:20261124T100000Z\r\n")]
    public void AFeedWhoseOnlyEventIsUnreadableIsAnErrorNamingTheCount(string body)
    {
        var outcome = BusyTimeParser.Parse(Feed(body), LocalTime.Helsinki, From, To);
        Assert.Null(outcome.Busy);
        Assert.Equal("None of the calendar's 1 events could be read.", outcome.Error);
    }

    [Fact]
    public void AFeedWithSomeReadableEventsStillCountsThem()
    {
        var outcome = BusyTimeParser.Parse(
            Feed("SUMMARY:no start\r\n", "DTSTART:20261124T080000Z\r\nDTEND:20261124T090000Z\r\n"), LocalTime.Helsinki, From, To);
        Assert.True(outcome.Busy is not null, outcome.Error);
        Assert.Single(outcome.Busy!);
    }

    [Fact]
    public void AnEmptyFeedIsStillASuccess()
    {
        var outcome = BusyTimeParser.Parse(Feed(), LocalTime.Helsinki, From, To);
        Assert.Empty(outcome.Busy!);
    }
}

// The same through the API: the source's lastError in the admin's language, never .NET's words.
public sealed class CalendarSourceErrorTextTests
{
    [Fact]
    public async Task ASourceOfUnreadableEventsAndOneWithoutTlsSayWhyInTheCallersLanguage()
    {
        await using var feeds = await FixtureServer.StartAsync();
        await using var world = await BookingWorld.CreateAsync(settings: CalendarSourceClient.Loopback);
        feeds.Set("nostart.ics", "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//EN\r\nBEGIN:VEVENT\r\nUID:a@t\r\n"
            + "DTSTAMP:20261101T000000Z\r\nSUMMARY:x\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n");
        var unreadable = await CalendarSourceClient.AddSourceAsync(world, "Outlook", feeds.Url("nostart.ics"));
        await CalendarSourceClient.SyncAsync(world, unreadable);
        var tls = await CalendarSourceClient.AddSourceAsync(world, "Tls", feeds.Url("nostart.ics").Replace("http://", "https://"));
        await CalendarSourceClient.SyncAsync(world, tls);

        var admin = CalendarSourceClient.Admin(world, "sv");
        var list = await (await admin.GetAsync($"/api/v1/experts/{world.Expert}/calendar-sources")).ReadJsonAsync(HttpStatusCode.OK);
        var errors = Items(list).ToDictionary(s => s.GetProperty("name").GetString()!, CalendarSourceClient.LastError);
        Assert.Equal("Ingen av kalenderns 1 händelser kunde läsas.", errors["Outlook"]);
        Assert.Equal("Kalenderservern kunde inte nås.", errors["Tls"]);
    }

    private static IEnumerable<JsonElement> Items(JsonElement list) =>
        list.ValueKind == JsonValueKind.Array ? list.EnumerateArray() : list.GetProperty("items").EnumerateArray();
}
