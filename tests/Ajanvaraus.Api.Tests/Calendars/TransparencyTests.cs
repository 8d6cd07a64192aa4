using Ajanvaraus.Api.Availability;
using Ajanvaraus.Api.Calendars.Sources;

namespace Ajanvaraus.Api.Tests.Calendars;

// Google and Apple mark an event "free" with TRANSP:TRANSPARENT alone (no Outlook BUSYSTATUS): it must leave the time
// available, and the same event without it (or OPAQUE) blocks.
public sealed class TransparencyTests
{
    private static string Event(string? transparency) => $"""
        BEGIN:VCALENDAR
        PRODID:-//Google Inc//Google Calendar 70.9054//EN
        VERSION:2.0
        BEGIN:VEVENT
        UID:free@example
        DTSTAMP:20261101T000000Z
        DTSTART:20261124T080000Z
        DTEND:20261124T090000Z
        {(transparency is null ? "X-NOTE:unmarked" : $"TRANSP:{transparency}")}
        SUMMARY:Lounas
        END:VEVENT
        END:VCALENDAR
        """;

    private static IReadOnlyCollection<TimeInterval> Busy(string ics) =>
        BusyTimeParser.Parse(ics, LocalTime.Helsinki, DateTimeOffset.Parse("2026-11-23T00:00:00Z"),
            DateTimeOffset.Parse("2026-12-31T00:00:00Z")).Busy!;

    [Fact]
    public void AnEventMarkedOnlyTransparentLeavesItsTimeFree() => Assert.Empty(Busy(Event("TRANSPARENT")));

    [Theory]
    [InlineData("OPAQUE")]
    [InlineData(null)]
    public void AnOpaqueOrUnmarkedEventBlocksItsTime(string? transparency) =>
        Assert.Equal([new TimeInterval(DateTimeOffset.Parse("2026-11-24T08:00:00Z"), DateTimeOffset.Parse("2026-11-24T09:00:00Z"))],
            Busy(Event(transparency)));
}
