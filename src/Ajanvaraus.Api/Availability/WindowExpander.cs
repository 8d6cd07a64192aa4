using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Evaluation;

namespace Ajanvaraus.Api.Availability;

// A stretch of time between two instants (UTC), end exclusive.
internal readonly record struct TimeInterval(DateTimeOffset Start, DateTimeOffset End);

// Local days first..last, inclusive (a point's closure).
internal readonly record struct DayRange(DateOnly First, DateOnly Last)
{
    public bool Contains(DateOnly day) => day >= First && day <= Last;
}

// Turns one availability rule into windows: the RRULE is expanded in the zone's local time (so a 09:00 rule stays 09:00
// across DST changes), then holidays and closure days are dropped and absences cut out.
internal static class WindowExpander
{
    private static readonly FrequencyType[] TooFine = [FrequencyType.Secondly, FrequencyType.Minutely, FrequencyType.Hourly];

    public static List<TimeInterval> Expand(
        AvailabilityRuleRow rule,
        string timeZone,
        DateOnly firstDay,
        DateOnly lastDay,
        IReadOnlySet<DateOnly> holidays,
        IReadOnlyList<DayRange> closures,
        IReadOnlyList<TimeInterval> absences)
    {
        var windows = new List<TimeInterval>();
        foreach (var day in Days(rule, timeZone, firstDay, lastDay))
        {
            if (holidays.Contains(day) || closures.Any(c => c.Contains(day)))
            {
                continue;
            }

            var window = new TimeInterval(LocalTime.ToUtc(day, rule.StartTime, timeZone), LocalTime.ToUtc(day, rule.EndTime, timeZone));
            if (window.End > window.Start)
            {
                CutOut(window, absences, windows);
            }
        }

        return windows;
    }

    // The local days (within first..last and the rule's validity) on which the rule gives a window.
    public static List<DateOnly> Days(AvailabilityRuleRow rule, string timeZone, DateOnly firstDay, DateOnly lastDay,
        int max = int.MaxValue)
    {
        var from = rule.ValidFrom > firstDay ? rule.ValidFrom : firstDay;
        var to = rule.ValidUntil is { } until && until < lastDay ? until : lastDay;
        var days = new List<DateOnly>();
        if (from > to)
        {
            return days;
        }

        if (rule.RecurrenceRule is null)
        {
            if (rule.ValidFrom >= from)
            {
                days.Add(rule.ValidFrom);
            }

            return days;
        }

        var recurring = new CalendarEvent
        {
            DtStart = new CalDateTime(rule.ValidFrom, rule.StartTime, timeZone),
            RecurrenceRule = Parse(rule.RecurrenceRule, timeZone),
        };
        try
        {
            // GetOccurrences is lazy and unbounded: TakeWhileBefore is what ends it. Starting a day early keeps
            // an occurrence at 00:00 of the first day, which is then filtered like any other.
            var occurrences = recurring.GetOccurrences(new CalDateTime(from.AddDays(-1), TimeOnly.MinValue, timeZone))
                .TakeWhileBefore(new CalDateTime(to.AddDays(1), TimeOnly.MinValue, timeZone));
            foreach (var occurrence in occurrences)
            {
                var day = occurrence.Period.StartTime.Date;
                if (day >= from && day <= to && (days.Count == 0 || days[^1] != day))
                {
                    days.Add(day);
                    if (days.Count >= max)
                    {
                        break;
                    }
                }
            }
        }
        catch (EvaluationException)
        {
            // A rule that never matches (e.g. 30 February) gives no windows rather than failing every rebuild.
        }

        return days;
    }

    // Why an RRULE cannot be used, or null when it can (checked when a rule is saved).
    public static string? RecurrenceProblem(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "Give an RFC 5545 RRULE such as 'FREQ=WEEKLY;BYDAY=MO,WE', or leave recurrence out for a one-off window.";
        }

        RecurrenceRule rule;
        try
        {
            rule = Parse(text, LocalTime.Helsinki);
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or InvalidOperationException)
        {
            // Ical.Net's message names its own parameters ("(Parameter 'value')"): the caller gets a sentence instead.
            return "Not a valid RRULE: write it as RFC 5545 parts such as FREQ=WEEKLY;BYDAY=MO,WE;UNTIL=20261231.";
        }

        if (!Normalize(text).Contains("FREQ=", StringComparison.OrdinalIgnoreCase))
        {
            return "An RRULE needs FREQ (DAILY, WEEKLY, MONTHLY or YEARLY).";
        }

        if (TooFine.Contains(rule.Frequency))
        {
            return "FREQ must be DAILY, WEEKLY, MONTHLY or YEARLY: a rule gives at most one window a day, from startTime to endTime.";
        }

        if (rule.ByHour.Count > 0 || rule.ByMinute.Count > 0 || rule.BySecond.Count > 0)
        {
            return "BYHOUR, BYMINUTE and BYSECOND are not used: the times of day come from startTime and endTime.";
        }

        return null;
    }

    // The stored form of an RRULE: trimmed, without an "RRULE:" prefix, upper case.
    public static string Normalize(string text)
    {
        var trimmed = text.Trim();
        return (trimmed.StartsWith("RRULE:", StringComparison.OrdinalIgnoreCase) ? trimmed[6..] : trimmed).ToUpperInvariant();
    }

    private static RecurrenceRule Parse(string text, string timeZone)
    {
        var rule = new RecurrenceRule(Normalize(text));
        if (rule.Until is { HasTime: false } until)
        {
            // UNTIL given as a date means "up to and including that day"; Ical.Net would read it as midnight
            // (and wants UTC when DTSTART has a zone), so make it the last second of that local day in UTC.
            var endOfDay = LocalTime.ToUtc(until.Date.AddDays(1), TimeOnly.MinValue, timeZone).UtcDateTime.AddSeconds(-1);
            rule.Until = new CalDateTime(endOfDay, CalDateTime.UtcTzId);
        }

        return rule;
    }

    // Appends what is left of the window once the absences are taken out (none, one or several pieces).
    private static void CutOut(TimeInterval window, IReadOnlyList<TimeInterval> absences, List<TimeInterval> into)
    {
        var cursor = window.Start;
        foreach (var absence in absences.Where(a => a.Start < window.End && a.End > window.Start).OrderBy(a => a.Start))
        {
            if (absence.Start > cursor)
            {
                into.Add(new TimeInterval(cursor, absence.Start));
            }

            if (absence.End > cursor)
            {
                cursor = absence.End;
            }
        }

        if (cursor < window.End)
        {
            into.Add(new TimeInterval(cursor, window.End));
        }
    }
}
