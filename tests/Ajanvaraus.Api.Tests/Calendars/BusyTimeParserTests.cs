using Ajanvaraus.Api.Availability;
using Ajanvaraus.Api.Calendars.Sources;

namespace Ajanvaraus.Api.Tests.Calendars;

public sealed class BusyTimeParserTests
{
    private static readonly DateTimeOffset From = DateTimeOffset.Parse("2026-11-23T08:00:00Z");
    private static readonly DateTimeOffset To = DateTimeOffset.Parse("2026-12-31T00:00:00Z");

    private static List<TimeInterval> Busy(string ics)
    {
        var outcome = BusyTimeParser.Parse(ics, LocalTime.Helsinki, From, To);
        Assert.True(outcome.Busy is not null, outcome.Error);
        return outcome.Busy!.ToList();
    }

    private static TimeInterval Local(string start, string end) => new(DateTimeOffset.Parse(start), DateTimeOffset.Parse(end));

    [Fact]
    public void OutlookWeeklyMeetingWithWindowsZoneSkipsTheExdateFollowsTheMovedOneAndIgnoresFreeTime()
    {
        var busy = Busy(CalendarFixtures.Outlook);

        Assert.Contains(Local("2026-11-24T10:00:00+02:00", "2026-11-24T11:00:00+02:00"), busy);
        Assert.DoesNotContain(busy, b => b.Start == DateTimeOffset.Parse("2026-12-01T10:00:00+02:00"));
        Assert.DoesNotContain(busy, b => b.Start == DateTimeOffset.Parse("2026-12-08T10:00:00+02:00"));
        Assert.Contains(Local("2026-12-09T09:00:00+02:00", "2026-12-09T10:00:00+02:00"), busy);
        Assert.Contains(Local("2026-12-15T10:00:00+02:00", "2026-12-15T11:00:00+02:00"), busy);
        Assert.DoesNotContain(busy, b => b.Start == DateTimeOffset.Parse("2026-11-27T09:00:00+02:00"));
        // Tuesdays 24.11 … 29.12 without 1.12 and 8.12, plus the moved one.
        Assert.Equal(5, busy.Count);
    }

    [Fact]
    public void GoogleUtcAllDayAndFloatingTimesBlockAndCancelledDoesNot()
    {
        var busy = Busy(CalendarFixtures.Google);

        Assert.Equal(
        [
            Local("2026-11-25T10:00:00+02:00", "2026-11-25T11:00:00+02:00"),
            Local("2026-11-26T00:00:00+02:00", "2026-11-27T00:00:00+02:00"),
            Local("2026-11-27T11:00:00+02:00", "2026-11-27T12:00:00+02:00"),
        ], busy);
    }

    [Fact]
    public void FreeBusyPeriodsBlockExceptFreeOnes()
    {
        Assert.Equal([Local("2026-11-24T09:00:00+02:00", "2026-11-24T10:00:00+02:00")], Busy(CalendarFixtures.FreeBusy));
    }

    [Theory]
    [InlineData(CalendarFixtures.Broken)]
    [InlineData("<html><body>Sign in</body></html>")]
    public void AnUnreadableCalendarIsAnErrorNotAnEmptyCalendar(string text)
    {
        var outcome = BusyTimeParser.Parse(text, LocalTime.Helsinki, From, To);
        Assert.Null(outcome.Busy);
        Assert.False(string.IsNullOrEmpty(outcome.Error));
    }

    [Fact]
    public void BusyTimeIsClippedToTheHorizon()
    {
        var busy = Busy(CalendarFixtures.OneEvent("20261123T070000Z", "20261123T090000Z"));
        Assert.Equal([new TimeInterval(From, DateTimeOffset.Parse("2026-11-23T09:00:00Z"))], busy);
    }
}
