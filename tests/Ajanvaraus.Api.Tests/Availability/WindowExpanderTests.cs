using Ajanvaraus.Api.Availability;

namespace Ajanvaraus.Api.Tests.Availability;

public sealed class WindowExpanderTests
{
    private const string Helsinki = "Europe/Helsinki";
    private static readonly HashSet<DateOnly> NoHolidays = [];

    private static AvailabilityRuleRow Rule(string? rrule, DateOnly validFrom, DateOnly? validUntil = null, string start = "09:00",
        string end = "12:00") => new()
    {
        Id = Guid.CreateVersion7(),
        ExpertId = Guid.CreateVersion7(),
        ServicePointId = "mikkeli",
        AllowsInPerson = true,
        StartTime = TimeOnly.Parse(start),
        EndTime = TimeOnly.Parse(end),
        RecurrenceRule = rrule,
        ValidFrom = validFrom,
        ValidUntil = validUntil,
    };

    private static List<TimeInterval> Expand(
        AvailabilityRuleRow rule, DateOnly first, DateOnly last, IReadOnlySet<DateOnly>? holidays = null,
            IReadOnlyList<DayRange>? closures = null, IReadOnlyList<TimeInterval>? absences = null) =>
        WindowExpander.Expand(rule, Helsinki, first, last, holidays ?? NoHolidays, closures ?? [], absences ?? []);

    private static DateTimeOffset At(string text) => DateTimeOffset.Parse(text);

    private static string Local(DateTimeOffset instant) => LocalTime.InZone(instant, Helsinki).ToString("yyyy-MM-dd'T'HH:mmzzz");

    [Fact]
    public void DailyRuleStaysAtNineLocalAcrossTheAutumnDstChange()
    {
        var windows = Expand(Rule("FREQ=DAILY", new DateOnly(2026, 10, 1)), new DateOnly(2026, 10, 23), new DateOnly(2026, 10, 27));

        Assert.Equal(
            ["2026-10-23T09:00+03:00", "2026-10-24T09:00+03:00", "2026-10-25T09:00+02:00", "2026-10-26T09:00+02:00",
                "2026-10-27T09:00+02:00"],
            windows.Select(w => Local(w.Start)));
        Assert.Equal(At("2026-10-24T06:00:00Z"), windows[1].Start);
        Assert.Equal(At("2026-10-25T07:00:00Z"), windows[2].Start);
        Assert.All(windows, w => Assert.Equal(TimeSpan.FromHours(3), w.End - w.Start));
    }

    [Fact]
    public void DailyRuleStaysAtNineLocalAcrossTheSpringDstChange()
    {
        var windows = Expand(Rule("FREQ=DAILY", new DateOnly(2027, 3, 1)), new DateOnly(2027, 3, 26), new DateOnly(2027, 3, 30));

        Assert.Equal(
            ["2027-03-26T09:00+02:00", "2027-03-27T09:00+02:00", "2027-03-28T09:00+03:00", "2027-03-29T09:00+03:00",
                "2027-03-30T09:00+03:00"],
            windows.Select(w => Local(w.Start)));
        Assert.Equal(At("2027-03-27T07:00:00Z"), windows[1].Start);
        Assert.Equal(At("2027-03-28T06:00:00Z"), windows[2].Start);
    }

    [Fact]
    public void EarlyMorningRuleGivesExactlyOneWindowOnEachDstDay()
    {
        // 02:00-05:00 local spans the hour that is skipped in March and repeated in October.
        var rule = Rule("FREQ=DAILY", new DateOnly(2026, 1, 1), start: "02:00", end: "05:00");

        var autumn = Expand(rule, new DateOnly(2026, 10, 24), new DateOnly(2026, 10, 26));
        Assert.Equal(["2026-10-24", "2026-10-25", "2026-10-26"], autumn.Select(w => Local(w.Start)[..10]));
        Assert.Equal(TimeSpan.FromHours(4), autumn[1].End - autumn[1].Start);

        var spring = Expand(rule, new DateOnly(2027, 3, 27), new DateOnly(2027, 3, 29));
        Assert.Equal(["2027-03-27", "2027-03-28", "2027-03-29"], spring.Select(w => Local(w.Start)[..10]));
        Assert.Equal(TimeSpan.FromHours(2), spring[1].End - spring[1].Start);
    }

    [Fact]
    public void WeeklyByDayRuleGivesOnlyThoseWeekdays()
    {
        var windows = Expand(Rule("FREQ=WEEKLY;BYDAY=MO,WE", new DateOnly(2026, 11, 1)), new DateOnly(2026, 11, 2), new DateOnly(2026, 11,
            15));

        Assert.Equal(
            [new DateOnly(2026, 11, 2), new DateOnly(2026, 11, 4), new DateOnly(2026, 11, 9), new DateOnly(2026, 11, 11)],
            windows.Select(w => LocalTime.DateIn(w.Start, Helsinki)));
    }

    [Fact]
    public void CountIsCountedFromValidFromNotFromTheRange()
    {
        // Five occurrences from Monday 2 November; asking from the 5th leaves the last two.
        var windows = Expand(Rule("FREQ=DAILY;COUNT=5", new DateOnly(2026, 11, 2)), new DateOnly(2026, 11, 5), new DateOnly(2026, 11, 30));

        Assert.Equal([new DateOnly(2026, 11, 5), new DateOnly(2026, 11, 6)], windows.Select(w => LocalTime.DateIn(w.Start, Helsinki)));
    }

    [Fact]
    public void UntilAsADateIncludesThatDay()
    {
        var windows = Expand(Rule("FREQ=DAILY;UNTIL=20261104", new DateOnly(2026, 11, 2)), new DateOnly(2026, 11, 1), new DateOnly(2026,
            11, 30));

        Assert.Equal([new DateOnly(2026, 11, 2), new DateOnly(2026, 11, 3), new DateOnly(2026, 11, 4)],
            windows.Select(w => LocalTime.DateIn(w.Start, Helsinki)));
    }

    [Fact]
    public void UntilAsAnInstantEndsAtThatInstant()
    {
        // 07:00Z on the 4th is 09:00 local: the window starting then is the last one.
        var windows = Expand(Rule("FREQ=DAILY;UNTIL=20261104T070000Z", new DateOnly(2026, 11, 2)), new DateOnly(2026, 11, 1),
            new DateOnly(2026, 11, 30));
        Assert.Equal(3, windows.Count);

        var earlier = Expand(Rule("FREQ=DAILY;UNTIL=20261104T065900Z", new DateOnly(2026, 11, 2)), new DateOnly(2026, 11, 1),
            new DateOnly(2026, 11, 30));
        Assert.Equal(2, earlier.Count);
    }

    [Fact]
    public void ValidUntilEndsTheRuleInclusively()
    {
        var windows = Expand(Rule("FREQ=DAILY", new DateOnly(2026, 11, 2), validUntil: new DateOnly(2026, 11, 3)), new DateOnly(2026, 11,
            1), new DateOnly(2026, 11, 30));

        Assert.Equal([new DateOnly(2026, 11, 2), new DateOnly(2026, 11, 3)], windows.Select(w => LocalTime.DateIn(w.Start, Helsinki)));
    }

    [Fact]
    public void RuleWithoutRecurrenceIsOneWindowOnValidFrom()
    {
        var rule = Rule(null, new DateOnly(2026, 11, 25), start: "13:00", end: "15:30");

        var windows = Expand(rule, new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30));
        var window = Assert.Single(windows);
        Assert.Equal(At("2026-11-25T13:00:00+02:00"), window.Start);
        Assert.Equal(At("2026-11-25T15:30:00+02:00"), window.End);

        Assert.Empty(Expand(rule, new DateOnly(2026, 11, 26), new DateOnly(2026, 11, 30)));
    }

    [Fact]
    public void NoWindowsBeforeValidFromOrOutsideTheRange()
    {
        var windows = Expand(Rule("FREQ=DAILY", new DateOnly(2026, 11, 10)), new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 12));

        Assert.Equal([new DateOnly(2026, 11, 10), new DateOnly(2026, 11, 11), new DateOnly(2026, 11, 12)],
            windows.Select(w => LocalTime.DateIn(w.Start, Helsinki)));
    }

    [Fact]
    public void HolidaysRemoveTheirWindows()
    {
        var windows = Expand(
            Rule("FREQ=DAILY", new DateOnly(2026, 12, 1)), new DateOnly(2026, 12, 4), new DateOnly(2026, 12, 28),
            holidays: FinnishHolidays.Between(new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 31)));
        var days = windows.Select(w => LocalTime.DateIn(w.Start, Helsinki)).ToList();

        Assert.DoesNotContain(new DateOnly(2026, 12, 6), days);
        Assert.DoesNotContain(new DateOnly(2026, 12, 24), days);
        Assert.DoesNotContain(new DateOnly(2026, 12, 25), days);
        Assert.DoesNotContain(new DateOnly(2026, 12, 26), days);
        Assert.Contains(new DateOnly(2026, 12, 5), days);
        Assert.Contains(new DateOnly(2026, 12, 23), days);
        Assert.Contains(new DateOnly(2026, 12, 27), days);
        Assert.Equal(25 - 4, days.Count);
    }

    [Fact]
    public void ClosureDaysRemoveTheirWindowsInclusively()
    {
        var windows = Expand(
            Rule("FREQ=DAILY", new DateOnly(2026, 11, 1)), new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 10),
            closures: [new DayRange(new DateOnly(2026, 11, 3), new DateOnly(2026, 11, 5)), new DayRange(new DateOnly(2026, 11, 9),
                new DateOnly(2026, 11, 9))]);

        Assert.Equal(
            [1, 2, 6, 7, 8, 10],
            windows.Select(w => LocalTime.DateIn(w.Start, Helsinki).Day));
    }

    [Fact]
    public void AbsenceInsideAWindowSplitsItInTwo()
    {
        var windows = Expand(
            Rule(null, new DateOnly(2026, 11, 25)), new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30),
            absences: [new TimeInterval(At("2026-11-25T10:00:00+02:00"), At("2026-11-25T10:30:00+02:00"))]);

        Assert.Equal(
            [
                new TimeInterval(At("2026-11-25T09:00:00+02:00"), At("2026-11-25T10:00:00+02:00")),
                new TimeInterval(At("2026-11-25T10:30:00+02:00"), At("2026-11-25T12:00:00+02:00")),
            ],
            windows);
    }

    [Fact]
    public void AbsencesOverlappingTheEdgesTrimOrRemoveWindows()
    {
        var windows = Expand(
            Rule("FREQ=DAILY", new DateOnly(2026, 11, 23)), new DateOnly(2026, 11, 23), new DateOnly(2026, 11, 25),
            absences:
            [
                new TimeInterval(At("2026-11-23T08:00:00+02:00"), At("2026-11-23T09:30:00+02:00")),
                new TimeInterval(At("2026-11-23T11:00:00+02:00"), At("2026-11-24T10:00:00+02:00")),
                new TimeInterval(At("2026-11-24T10:00:00+02:00"), At("2026-11-24T12:00:00+02:00")),
            ]);

        Assert.Equal(
            [
                new TimeInterval(At("2026-11-23T09:30:00+02:00"), At("2026-11-23T11:00:00+02:00")),
                new TimeInterval(At("2026-11-25T09:00:00+02:00"), At("2026-11-25T12:00:00+02:00")),
            ],
            windows);
    }

    [Fact]
    public void RuleThatNeverMatchesGivesNoWindowsInsteadOfFailing()
    {
        Assert.Empty(Expand(Rule("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30", new DateOnly(2026, 1, 1)), new DateOnly(2026, 1, 1),
            new DateOnly(2027, 12, 31)));
    }

    [Theory]
    [InlineData("FREQ=DAILY")]
    [InlineData("FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR")]
    [InlineData("RRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=TU")]
    [InlineData("FREQ=MONTHLY;BYDAY=1MO")]
    [InlineData("freq=weekly;byday=fr;count=10")]
    [InlineData("FREQ=DAILY;UNTIL=20270630")]
    public void UsableRulesHaveNoProblem(string rrule) => Assert.Null(WindowExpander.RecurrenceProblem(rrule));

    [Theory]
    [InlineData("FREQ=HOURLY")]
    [InlineData("FREQ=MINUTELY;INTERVAL=30")]
    [InlineData("FREQ=SECONDLY")]
    [InlineData("FREQ=FORTNIGHTLY")]
    [InlineData("FREQ=WEEKLY;BYDAY=XX")]
    [InlineData("FREQ=DAILY;INTERVAL=0")]
    [InlineData("FREQ=DAILY;BYHOUR=9,13")]
    [InlineData("BYDAY=MO")]
    [InlineData("every monday")]
    [InlineData(" ")]
    public void UnusableRulesAreExplained(string rrule) => Assert.False(string.IsNullOrWhiteSpace(WindowExpander.RecurrenceProblem(rrule)));
}
