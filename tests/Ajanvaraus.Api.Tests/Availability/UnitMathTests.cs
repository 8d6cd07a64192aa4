using Ajanvaraus.Api.Availability;

namespace Ajanvaraus.Api.Tests.Availability;

public sealed class UnitMathTests
{
    private static readonly TimeSpan Summer = TimeSpan.FromHours(3);
    private static readonly TimeSpan Winter = TimeSpan.FromHours(2);

    [Theory]
    [InlineData("2026-06-15T10:00:00+03:00", true)]
    [InlineData("2026-06-15T10:05:00+03:00", true)]
    [InlineData("2026-06-15T10:55:00Z", true)]
    [InlineData("2026-06-15T10:03:00+03:00", false)]
    [InlineData("2026-06-15T10:05:01+03:00", false)]
    [InlineData("2026-06-15T10:05:00.001+03:00", false)]
    [InlineData("2026-06-15T10:00:00+05:45", true)]
    [InlineData("2026-06-15T10:05:00+05:30", true)]
    public void BoundaryIsAWholeFiveMinutesOfUtcTime(string instant, bool expected)
    {
        Assert.Equal(expected, UnitMath.IsOnUnitBoundary(DateTimeOffset.Parse(instant)));
    }

    [Fact]
    public void FortyFiveMinutesAreNineUtcUnits()
    {
        var start = new DateTimeOffset(2026, 6, 15, 10, 0, 0, Summer);

        var units = UnitMath.Units(start, start.AddMinutes(45));

        Assert.Equal(9, units.Count);
        Assert.All(units, u => Assert.Equal(TimeSpan.Zero, u.Offset));
        Assert.Equal(new DateTimeOffset(2026, 6, 15, 7, 0, 0, TimeSpan.Zero), units[0]);
        Assert.Equal(new DateTimeOffset(2026, 6, 15, 7, 40, 0, TimeSpan.Zero), units[^1]);
        Assert.Equal(units.Count, units.Distinct().Count());
        Assert.All(units.Zip(units.Skip(1)), p => Assert.Equal(TimeSpan.FromMinutes(UnitMath.UnitMinutes), p.Second - p.First));
    }

    [Theory]
    [InlineData("2026-10-25T03:30:00+03:00")] // over the hour Helsinki lives twice (04:00 EEST -> 03:00 EET)
    [InlineData("2026-10-25T03:30:00+02:00")]
    [InlineData("2027-03-28T02:30:00+02:00")] // over the hour Helsinki skips (03:00 EET -> 04:00 EEST)
    public void FortyFiveMinutesAreNineUnitsAcrossAClockChange(string start)
    {
        var from = DateTimeOffset.Parse(start);

        var units = UnitMath.Units(from, from.AddMinutes(45));

        Assert.Equal(9, units.Count);
        Assert.Equal(from.UtcDateTime, units[0].UtcDateTime);
    }

    [Fact]
    public void SameInstantInDifferentOffsetsGivesTheSameUnits()
    {
        // 03:30 summer time before the clocks go back, written in winter offset: the unique index sees equal rows.
        var summer = new DateTimeOffset(2026, 10, 25, 3, 30, 0, Summer);
        var winter = summer.ToOffset(Winter);

        Assert.Equal(UnitMath.Units(summer, summer.AddMinutes(15)), UnitMath.Units(winter, winter.AddMinutes(15)));
    }

    [Fact]
    public void OverlappingBookingsShareUnits()
    {
        var first = new DateTimeOffset(2026, 6, 15, 10, 0, 0, Summer);
        var second = first.AddMinutes(40);

        var shared = UnitMath.Units(first, first.AddMinutes(45)).Intersect(UnitMath.Units(second, second.AddMinutes(30)));

        Assert.Equal([second.ToUniversalTime()], shared);
    }

    [Fact]
    public void TimesOffTheGridAreRefused()
    {
        var start = new DateTimeOffset(2026, 6, 15, 10, 0, 0, Summer);

        Assert.Throws<ArgumentException>("start", () => UnitMath.Units(start.AddMinutes(2), start.AddMinutes(45)));
        Assert.Throws<ArgumentException>("end", () => UnitMath.Units(start, start.AddMinutes(44)));
    }

    [Fact]
    public void EmptyOrBackwardRangesAreRefused()
    {
        var start = new DateTimeOffset(2026, 6, 15, 10, 0, 0, Summer);

        Assert.Throws<ArgumentOutOfRangeException>(() => UnitMath.Units(start, start));
        Assert.Throws<ArgumentOutOfRangeException>(() => UnitMath.Units(start, start.AddMinutes(-5)));
    }
}
