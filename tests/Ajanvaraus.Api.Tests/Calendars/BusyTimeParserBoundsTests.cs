using System.Diagnostics;
using Ajanvaraus.Api.Calendars.Sources;

namespace Ajanvaraus.Api.Tests.Calendars;

// The bounds on what one feed may cost to read: each ends the parse quickly with the bound's own error.
public sealed class BusyTimeParserBoundsTests
{
    private static readonly DateTimeOffset From = DateTimeOffset.Parse("2026-11-23T00:00:00Z");
    private static readonly DateTimeOffset To = From.AddDays(90);

    private static string Feed(params string[] rules) =>
        "BEGIN:VCALENDAR\r\nPRODID:-//Probe//EN\r\nVERSION:2.0\r\n" + string.Concat(rules.Select((rule, i) =>
            $"BEGIN:VEVENT\r\nUID:e{i}@example\r\nDTSTAMP:20160101T000000Z\r\nDTSTART:20160101T000000Z\r\n"
            + $"DTEND:20160101T000100Z\r\nRRULE:{rule}\r\nEND:VEVENT\r\n")) + "END:VCALENDAR\r\n";

    private static ParseOutcome Timed(string text, TimeSpan? budget = null, int seconds = 3)
    {
        var watch = Stopwatch.StartNew();
        var parsed = BusyTimeParser.Parse(text, "Europe/Helsinki", From, To, budget);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(seconds), $"the parse took {watch.Elapsed}");
        return parsed;
    }

    [Theory]
    [InlineData("FREQ=SECONDLY")]
    [InlineData("FREQ=MINUTELY")]
    [InlineData("FREQ=HOURLY;INTERVAL=1")]
    public void SubDailyFrequenciesAreRefused(string rule) =>
        Assert.Equal(SourceErrors.SubDailyMessage, Timed(Feed(rule)).Error);

    [Theory]
    [InlineData("FREQ=DAILY;COUNT=1000000")]
    [InlineData("FREQ=DAILY;BYHOUR=0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23;BYMINUTE=0,15,30,45")]
    public void AnEventRepeatingPastItsBoundIsRefused(string rule) =>
        Assert.Equal(SourceErrors.With(SourceErrors.EventOccurrencesMessage, BusyTimeParser.MaxOccurrencesPerEvent),
            Timed(Feed(rule)).Error);

    [Fact]
    public void AFeedWhoseEventsTogetherRepeatPastTheBoundIsRefused()
    {
        // 20 a day for 92 days is within one event's bound; 11 such events are not within the feed's. Transparent:
        // they block nothing, so the bound on busy intervals kept never sees them. Within the default parse time.
        var rule = "FREQ=DAILY;BYHOUR=" + string.Join(',', Enumerable.Range(0, 20));
        var feed = Feed(Enumerable.Repeat(rule, 11).ToArray()).Replace("RRULE:", "TRANSP:TRANSPARENT\r\nRRULE:", StringComparison.Ordinal);
        Assert.Equal(SourceErrors.With(SourceErrors.FeedOccurrencesMessage, BusyTimeParser.MaxOccurrences),
            Timed(feed, seconds: 5).Error);
    }

    [Fact]
    public void AParseOverItsTimeIsRefused()
    {
        var rule = "FREQ=DAILY;BYHOUR=" + string.Join(',', Enumerable.Range(0, 20));
        Assert.Equal(SourceErrors.With(SourceErrors.ParseTimeMessage, 1),
            Timed(Feed(Enumerable.Repeat(rule, 20).ToArray()), TimeSpan.FromMilliseconds(1)).Error);
    }

    [Fact]
    public void ADailyEventFromYearsBackCostsOnlyTheWindow()
    {
        var parsed = Timed(Feed("FREQ=DAILY"));
        Assert.Null(parsed.Error);
        Assert.InRange(parsed.Busy!.Count, 89, 91);
    }
}
