using Ajanvaraus.Api.Availability;

namespace Ajanvaraus.Api.Tests.Availability;

public sealed class FinnishHolidaysTests
{
    [Fact]
    public void HolidaysOf2026AreOnTheirExactDates()
    {
        Assert.Equal(
            [
                new DateOnly(2026, 1, 1), new DateOnly(2026, 1, 6), new DateOnly(2026, 4, 3), new DateOnly(2026, 4, 5),
                new DateOnly(2026, 4, 6), new DateOnly(2026, 5, 1), new DateOnly(2026, 5, 14), new DateOnly(2026, 5, 24),
                    new DateOnly(2026, 6, 19),
                new DateOnly(2026, 6, 20), new DateOnly(2026, 10, 31), new DateOnly(2026, 12, 6), new DateOnly(2026, 12, 24),
                new DateOnly(2026, 12, 25), new DateOnly(2026, 12, 26),
            ],
            FinnishHolidays.For(2026).Select(h => h.Date));
    }

    [Fact]
    public void HolidaysOf2027AreOnTheirExactDates()
    {
        Assert.Equal(
            [
                new DateOnly(2027, 1, 1), new DateOnly(2027, 1, 6), new DateOnly(2027, 3, 26), new DateOnly(2027, 3, 28),
                new DateOnly(2027, 3, 29), new DateOnly(2027, 5, 1), new DateOnly(2027, 5, 6), new DateOnly(2027, 5, 16),
                    new DateOnly(2027, 6, 25),
                new DateOnly(2027, 6, 26), new DateOnly(2027, 11, 6), new DateOnly(2027, 12, 6), new DateOnly(2027, 12, 24),
                new DateOnly(2027, 12, 25), new DateOnly(2027, 12, 26),
            ],
            FinnishHolidays.For(2027).Select(h => h.Date));
    }

    [Fact]
    public void NamesTheMovableHolidaysOf2026()
    {
        var byName = FinnishHolidays.For(2026).ToDictionary(h => h.NameEn, h => h.Date);
        Assert.Equal(new DateOnly(2026, 4, 5), byName["Easter Sunday"]);
        Assert.Equal(new DateOnly(2026, 4, 3), byName["Good Friday"]);
        Assert.Equal(new DateOnly(2026, 5, 14), byName["Ascension Day"]);
        Assert.Equal(new DateOnly(2026, 5, 24), byName["Pentecost"]);
        Assert.Equal(new DateOnly(2026, 6, 19), byName["Midsummer Eve"]);
        Assert.Equal(new DateOnly(2026, 6, 20), byName["Midsummer Day"]);
        Assert.Equal(new DateOnly(2026, 10, 31), byName["All Saints' Day"]);
    }

    [Theory]
    [InlineData(1961, 4, 2)]
    [InlineData(2000, 4, 23)]
    [InlineData(2008, 3, 23)]
    [InlineData(2019, 4, 21)]
    [InlineData(2024, 3, 31)]
    [InlineData(2025, 4, 20)]
    [InlineData(2026, 4, 5)]
    [InlineData(2027, 3, 28)]
    [InlineData(2038, 4, 25)]
    [InlineData(2285, 3, 22)]
    public void EasterFollowsTheGregorianComputus(int year, int month, int day) =>
        Assert.Equal(new DateOnly(year, month, day), FinnishHolidays.EasterSunday(year));

    [Theory]
    [InlineData(2024)]
    [InlineData(2030)]
    [InlineData(2045)]
    [InlineData(2100)]
    public void AnyYearHasFifteenHolidaysWithTheMovableOnesOnTheirWeekdays(int year)
    {
        var holidays = FinnishHolidays.For(year).ToDictionary(h => h.NameEn, h => h.Date);
        Assert.Equal(15, holidays.Count);
        Assert.Equal(DayOfWeek.Sunday, holidays["Easter Sunday"].DayOfWeek);
        Assert.Equal(DayOfWeek.Thursday, holidays["Ascension Day"].DayOfWeek);
        Assert.Equal(holidays["Easter Sunday"].AddDays(49), holidays["Pentecost"]);
        Assert.Equal(DayOfWeek.Friday, holidays["Midsummer Eve"].DayOfWeek);
        Assert.InRange(holidays["Midsummer Eve"], new DateOnly(year, 6, 19), new DateOnly(year, 6, 25));
        Assert.Equal(DayOfWeek.Saturday, holidays["Midsummer Day"].DayOfWeek);
        Assert.InRange(holidays["Midsummer Day"], new DateOnly(year, 6, 20), new DateOnly(year, 6, 26));
        Assert.Equal(DayOfWeek.Saturday, holidays["All Saints' Day"].DayOfWeek);
        Assert.InRange(holidays["All Saints' Day"], new DateOnly(year, 10, 31), new DateOnly(year, 11, 6));
    }

    [Fact]
    public void IsHolidayAnswersForSingleDays()
    {
        Assert.True(FinnishHolidays.IsHoliday(new DateOnly(2026, 12, 6)));
        Assert.True(FinnishHolidays.IsHoliday(new DateOnly(2027, 3, 29)));
        Assert.False(FinnishHolidays.IsHoliday(new DateOnly(2026, 12, 7)));
        Assert.False(FinnishHolidays.IsHoliday(new DateOnly(2027, 6, 19)));
    }

    [Fact]
    public void BetweenSpansTheTurnOfTheYear()
    {
        Assert.Equal(
            [new DateOnly(2026, 12, 24), new DateOnly(2026, 12, 25), new DateOnly(2026, 12, 26), new DateOnly(2027, 1, 1),
                new DateOnly(2027, 1, 6)],
            FinnishHolidays.Between(new DateOnly(2026, 12, 20), new DateOnly(2027, 1, 10)).Order());
    }
}
