using Ajanvaraus.Api.Availability;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using TimeZoneConverter;

namespace Ajanvaraus.Api.Calendars.Sources;

// An ICS text to the busy intervals within [from, to): events (recurrences expanded, RECURRENCE-ID overrides and EXDATEs
// applied), all-day events (the whole local day), VFREEBUSY periods. Transparent, cancelled and free events do not block.
// Anything unreadable is an error of the source, never an exception out of here and never an empty "all free" answer.
internal static class BusyTimeParser
{
    // A daily event for ten years is 3,650 intervals; a feed that expands to more than this is refused, not truncated.
    public const int MaxIntervals = 20_000;

    static BusyTimeParser()
    {
        // Outlook writes Windows names ("FLE Standard Time"); Ical.Net resolves IANA ones. One resolver for the process.
        var fallback = TimeZoneResolvers.TimeZoneResolver;
        TimeZoneResolvers.TimeZoneResolver = id =>
            TZConvert.TryWindowsToIana(id, out var iana) ? fallback(iana) : fallback(id);
    }

    public static ParseOutcome Parse(string text, string zone, DateTimeOffset from, DateTimeOffset to)
    {
        if (!text.Contains("BEGIN:VCALENDAR", StringComparison.OrdinalIgnoreCase))
        {
            return ParseOutcome.Failed("The address did not answer an iCalendar (no BEGIN:VCALENDAR).");
        }

        try
        {
            var calendar = Calendar.Load(text) ?? throw new FormatException("no calendar");
            var busy = new List<TimeInterval>();
            var start = new CalDateTime(from.UtcDateTime.AddDays(-1), CalDateTime.UtcTzId);
            var end = new CalDateTime(to.UtcDateTime.AddDays(1), CalDateTime.UtcTzId);
            foreach (var occurrence in calendar.GetOccurrences<CalendarEvent>(start).TakeWhileBefore(end))
            {
                if (occurrence.Source is CalendarEvent ev && Blocks(ev)
                    && Interval(occurrence.Period.StartTime, occurrence.Period.EffectiveEndTime, zone) is { } span)
                {
                    Add(busy, span, from, to);
                }
            }

            foreach (var span in FreeBusyLines.Busy(text))
            {
                Add(busy, span, from, to);
            }

            return ParseOutcome.Ok(busy.Distinct().OrderBy(b => b.Start).ThenBy(b => b.End).ToList());
        }
        catch (TooManyIntervalsException)
        {
            return ParseOutcome.Failed($"The calendar expands to more than {MaxIntervals} busy intervals in the horizon.");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Ical.Net throws many kinds (format, argument, unknown time zone): all mean this text cannot be trusted.
            return ParseOutcome.Failed($"The calendar could not be read: {ex.Message}");
        }
    }

    // Free (TRANSP:TRANSPARENT, Outlook's BUSYSTATUS FREE) and cancelled events leave the time available.
    private static bool Blocks(CalendarEvent ev) =>
        !string.Equals(ev.Status, EventStatus.Cancelled, StringComparison.OrdinalIgnoreCase)
        && !string.Equals(ev.Transparency, TransparencyType.Transparent, StringComparison.OrdinalIgnoreCase)
        && !string.Equals(ev.Properties["X-MICROSOFT-CDO-BUSYSTATUS"]?.Value?.ToString(), "FREE", StringComparison.OrdinalIgnoreCase);

    private static TimeInterval? Interval(CalDateTime? start, CalDateTime? end, string zone)
    {
        if (start is null)
        {
            return null;
        }

        var s = Instant(start, zone);
        var e = end is null ? (start.HasTime ? s : Instant(start.AddDays(1), zone)) : Instant(end, zone);
        return e > s ? new TimeInterval(s, e) : null;
    }

    // An all-day date is the whole local day in the expert's zone; a floating time is wall-clock time there too.
    private static DateTimeOffset Instant(CalDateTime value, string zone)
    {
        if (!value.HasTime || value.IsFloating)
        {
            var local = value.Value;
            return LocalTime.ToUtc(DateOnly.FromDateTime(local), value.HasTime ? TimeOnly.FromDateTime(local) : TimeOnly.MinValue, zone);
        }

        return new DateTimeOffset(DateTime.SpecifyKind(value.AsUtc, DateTimeKind.Utc));
    }

    private static void Add(List<TimeInterval> busy, TimeInterval span, DateTimeOffset from, DateTimeOffset to)
    {
        if (span.End <= from || span.Start >= to)
        {
            return;
        }

        busy.Add(new TimeInterval(span.Start < from ? from : span.Start, span.End > to ? to : span.End));
        if (busy.Count > MaxIntervals)
        {
            throw new TooManyIntervalsException();
        }
    }

    private sealed class TooManyIntervalsException : Exception;
}

internal sealed record ParseOutcome(IReadOnlyList<TimeInterval>? Busy, string? Error)
{
    public static ParseOutcome Ok(IReadOnlyList<TimeInterval> busy) => new(busy, null);

    public static ParseOutcome Failed(string error) => new(null, error);
}
