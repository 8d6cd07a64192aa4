namespace Ajanvaraus.Api.Availability;

// In person needs the point open: within a window the in-person channel holds only during the day's opening hours,
// while the window's other channels keep its whole span (remote_at_point is judged at the customer's point, at search).
internal static class OpeningHoursCut
{
    public readonly record struct Piece(TimeInterval Span, bool InPerson);

    // The pieces of the window (in order, touching pieces with the same flag joined); a piece that would carry no
    // channel (outside the hours, and in person was the only one) is left out.
    public static List<Piece> Cut(TimeInterval window, IReadOnlyList<TimeInterval> open, bool hasOtherChannels)
    {
        var bounds = open.SelectMany(o => new[] { o.Start, o.End })
            .Where(t => t > window.Start && t < window.End)
            .Append(window.Start).Append(window.End)
            .Distinct().Order().ToList();
        var pieces = new List<Piece>();
        for (var i = 0; i + 1 < bounds.Count; i++)
        {
            var span = new TimeInterval(bounds[i], bounds[i + 1]);
            var inPerson = open.Any(o => o.Start <= span.Start && span.End <= o.End);
            if (!inPerson && !hasOtherChannels)
            {
                continue;
            }

            if (pieces.Count > 0 && pieces[^1].InPerson == inPerson && pieces[^1].Span.End == span.Start)
            {
                pieces[^1] = new Piece(new TimeInterval(pieces[^1].Span.Start, span.End), inPerson);
            }
            else
            {
                pieces.Add(new Piece(span, inPerson));
            }
        }

        return pieces;
    }

    // The day's opening hours as instants (ISO weekday 1 = Monday).
    public static List<TimeInterval> OpenOn(DateOnly day, IEnumerable<OpeningHours> hours, string timeZone)
    {
        var weekday = day.DayOfWeek == DayOfWeek.Sunday ? 7 : (int)day.DayOfWeek;
        return hours.Where(h => h.Weekday == weekday)
            .Select(h => new TimeInterval(LocalTime.ToUtc(day, h.Opens, timeZone), LocalTime.ToUtc(day, h.Closes, timeZone)))
            .ToList();
    }

    // Whether the rule's in-person time meets the hours on any day it gives (checked when the rule is saved).
    public static bool EverOpen(AvailabilityRuleRow rule, IReadOnlyList<OpeningHours> hours, string timeZone, out bool weekdaysMeet)
    {
        var days = WindowExpander.Days(rule, timeZone, rule.ValidFrom, rule.ValidUntil ?? rule.ValidFrom.AddYears(1), max: 400);
        var weekdays = days.Select(d => d.DayOfWeek == DayOfWeek.Sunday ? 7 : (int)d.DayOfWeek).ToHashSet();
        var open = hours.Where(h => weekdays.Contains(h.Weekday)).ToList();
        weekdaysMeet = open.Count > 0;
        return open.Any(h => h.Opens < rule.EndTime && rule.StartTime < h.Closes);
    }
}
