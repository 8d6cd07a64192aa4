using System.Collections.Concurrent;

namespace Ajanvaraus.Api.Availability;

// A day on which Finnish public offices are closed.
internal sealed record Holiday(DateOnly Date, string NameFi, string NameEn);

// The church holidays and civic days off of Finnish law (kirkkolaki 1054/1993 ch. 1 §3, laki vapunpäivän ja
// itsenäisyyspäivän viettämisestä), plus Midsummer Eve and Christmas Eve, on which offices close by custom and
// collective agreement. Computed, since no holiday package is served to us.
internal static class FinnishHolidays
{
    private static readonly ConcurrentDictionary<int, IReadOnlyList<Holiday>> Years = new();

    public static bool IsHoliday(DateOnly date) => For(date.Year).Any(h => h.Date == date);

    public static IReadOnlyList<Holiday> For(int year) => Years.GetOrAdd(year, Compute);

    // Every holiday from first to last (inclusive), for quick lookups when expanding many rules.
    public static HashSet<DateOnly> Between(DateOnly first, DateOnly last)
    {
        var days = new HashSet<DateOnly>();
        for (var year = first.Year; year <= last.Year; year++)
        {
            days.UnionWith(For(year).Select(h => h.Date).Where(d => d >= first && d <= last));
        }

        return days;
    }

    // Easter Sunday by the Gregorian computus (the anonymous algorithm of Meeus, Jones and Butcher).
    public static DateOnly EasterSunday(int year)
    {
        var a = year % 19;
        var b = year / 100;
        var c = year % 100;
        var d = b / 4;
        var e = b % 4;
        var f = (b + 8) / 25;
        var g = (b - f + 1) / 3;
        var h = ((19 * a) + b - d - g + 15) % 30;
        var i = c / 4;
        var k = c % 4;
        var l = (32 + (2 * e) + (2 * i) - h - k) % 7;
        var m = (a + (11 * h) + (22 * l)) / 451;
        var month = (h + l - (7 * m) + 114) / 31;
        var day = ((h + l - (7 * m) + 114) % 31) + 1;
        return new DateOnly(year, month, day);
    }

    private static IReadOnlyList<Holiday> Compute(int year)
    {
        var easter = EasterSunday(year);
        return new List<Holiday>
        {
            new(new DateOnly(year, 1, 1), "Uudenvuodenpäivä", "New Year's Day"),
            new(new DateOnly(year, 1, 6), "Loppiainen", "Epiphany"),
            new(easter.AddDays(-2), "Pitkäperjantai", "Good Friday"),
            new(easter, "Pääsiäispäivä", "Easter Sunday"),
            new(easter.AddDays(1), "2. pääsiäispäivä", "Easter Monday"),
            new(new DateOnly(year, 5, 1), "Vappu", "May Day"),
            new(easter.AddDays(39), "Helatorstai", "Ascension Day"),
            new(easter.AddDays(49), "Helluntaipäivä", "Pentecost"),
            new(First(DayOfWeek.Friday, new DateOnly(year, 6, 19)), "Juhannusaatto", "Midsummer Eve"),
            new(First(DayOfWeek.Saturday, new DateOnly(year, 6, 20)), "Juhannuspäivä", "Midsummer Day"),
            new(First(DayOfWeek.Saturday, new DateOnly(year, 10, 31)), "Pyhäinpäivä", "All Saints' Day"),
            new(new DateOnly(year, 12, 6), "Itsenäisyyspäivä", "Independence Day"),
            new(new DateOnly(year, 12, 24), "Jouluaatto", "Christmas Eve"),
            new(new DateOnly(year, 12, 25), "Joulupäivä", "Christmas Day"),
            new(new DateOnly(year, 12, 26), "Tapaninpäivä", "St Stephen's Day"),
        }.OrderBy(h => h.Date).ToList();
    }

    // The first given weekday on or after the date (the holiday's seven-day span starts there).
    private static DateOnly First(DayOfWeek weekday, DateOnly from) => from.AddDays(((int)weekday - (int)from.DayOfWeek + 7) % 7);
}
