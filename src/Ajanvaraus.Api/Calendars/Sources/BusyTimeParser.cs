using System.Diagnostics;
using Ajanvaraus.Api.Availability;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Evaluation;
using TimeZoneConverter;

namespace Ajanvaraus.Api.Calendars.Sources;

// An ICS text to the busy intervals within [from, to): events (recurrences expanded, RECURRENCE-ID overrides and EXDATEs
// applied), all-day events (the whole local day), VFREEBUSY periods. Transparent, cancelled and free events do not block.
// Anything unreadable is an error of the source, never an exception out of here and never an empty "all free" answer.
internal static class BusyTimeParser
{
    // A daily event for ten years is 3,650 intervals; a feed that expands to more than this is refused, not truncated.
    public const int MaxIntervals = 20_000;

    // Occurrences enumerated, blocking or not: a daily event over the longest horizon (731 days) is ~730; what
    // goes past these is a feed built to burn CPU (the calendar's merged enumeration costs ~0.1 ms an occurrence). A COUNT rule is enumerated from its DTSTART (COUNT counts from
    // there), so its COUNT is held to the per-event bound before anything is enumerated.
    public const int MaxOccurrencesPerEvent = 2_000;
    public const int MaxOccurrences = 20_000;

    // The service's own rules refuse these too (WindowExpander): one event could be 86,400 occurrences a day.
    private static readonly FrequencyType[] TooFine = [FrequencyType.Secondly, FrequencyType.Minutely, FrequencyType.Hourly];

    static BusyTimeParser()
    {
        // Outlook writes Windows names ("FLE Standard Time"); Ical.Net resolves IANA ones. One resolver for the process.
        var fallback = TimeZoneResolvers.TimeZoneResolver;
        TimeZoneResolvers.TimeZoneResolver = id =>
            TZConvert.TryWindowsToIana(id, out var iana) ? fallback(iana) : fallback(id);
    }

    public static ParseOutcome Parse(string text, string zone, DateTimeOffset from, DateTimeOffset to, TimeSpan? budget = null)
    {
        if (!text.Contains("BEGIN:VCALENDAR", StringComparison.OrdinalIgnoreCase))
        {
            return ParseOutcome.Failed(SourceErrors.NotICalendarMessage);
        }

        var limit = budget ?? TimeSpan.FromSeconds(5);
        var watch = Stopwatch.StartNew();
        try
        {
            var calendar = Calendar.Load(text) ?? throw new FormatException("no calendar");
            if (RuleProblem(calendar) is { } problem)
            {
                return ParseOutcome.Failed(problem);
            }

            var busy = new List<TimeInterval>();
            var perEvent = new Dictionary<object, int>(ReferenceEqualityComparer.Instance);
            var enumerated = 0;
            // GetOccurrences(start) skips a rule without COUNT straight to the window (Ical.Net 5's SkipToByInterval:
            // DAILY from year 1 costs what DAILY from last week does); a rule that never matches stops after this many
            // empty steps instead of spinning.
            var evaluation = new EvaluationOptions { MaxUnmatchedIncrementsLimit = 10_000 };
            var start = new CalDateTime(from.UtcDateTime.AddDays(-1), CalDateTime.UtcTzId);
            var end = new CalDateTime(to.UtcDateTime.AddDays(1), CalDateTime.UtcTzId);
            foreach (var occurrence in calendar.GetOccurrences<CalendarEvent>(start, evaluation).TakeWhileBefore(end))
            {
                Check(watch, limit);
                if (++enumerated > MaxOccurrences)
                {
                    throw new BoundException(SourceErrors.With(SourceErrors.FeedOccurrencesMessage, MaxOccurrences));
                }

                if (occurrence.Source is { } source
                    && (perEvent[source] = perEvent.GetValueOrDefault(source) + 1) > MaxOccurrencesPerEvent)
                {
                    throw new BoundException(SourceErrors.With(SourceErrors.EventOccurrencesMessage, MaxOccurrencesPerEvent));
                }

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

            Check(watch, limit);
            // An event without a readable start (none, or "tomorrow morning") is dropped by Ical.Net without a word; a
            // feed of nothing but such events must not read as "all free".
            var unreadable = calendar.Events.Count(e => e.DtStart is null);
            if (unreadable > 0 && unreadable == calendar.Events.Count && busy.Count == 0)
            {
                return ParseOutcome.Failed(SourceErrors.With(SourceErrors.EventsUnreadableMessage, unreadable));
            }

            return ParseOutcome.Ok(busy.Distinct().OrderBy(b => b.Start).ThenBy(b => b.End).ToList());
        }
        catch (BoundException bound)
        {
            return ParseOutcome.Failed(bound.Message);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Ical.Net throws many kinds (format, argument, unknown time zone): all mean this text cannot be trusted. Its
            // message is not repeated: it may quote the fetched text.
            return ParseOutcome.Failed(SourceErrors.UnreadableMessage);
        }
    }

    private static string? RuleProblem(Calendar calendar)
    {
        // RRULE may appear more than once on an event (RFC 5545 allows it; Ical.Net evaluates every one).
#pragma warning disable CS0618
        var rules = calendar.Events.SelectMany(e => e.RecurrenceRules).ToList();
#pragma warning restore CS0618
        if (rules.Any(r => TooFine.Contains(r.Frequency)))
        {
            return SourceErrors.SubDailyMessage;
        }

        return rules.Any(r => r.Count > MaxOccurrencesPerEvent)
            ? SourceErrors.With(SourceErrors.EventOccurrencesMessage, MaxOccurrencesPerEvent)
            : null;
    }

    private static void Check(Stopwatch watch, TimeSpan limit)
    {
        if (watch.Elapsed > limit)
        {
            throw new BoundException(SourceErrors.With(SourceErrors.ParseTimeMessage, (int)Math.Ceiling(limit.TotalSeconds)));
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
            throw new BoundException(SourceErrors.With(SourceErrors.IntervalsMessage, MaxIntervals));
        }
    }

    private sealed class BoundException(string message) : Exception(message);
}

internal sealed record ParseOutcome(IReadOnlyList<TimeInterval>? Busy, string? Error)
{
    public static ParseOutcome Ok(IReadOnlyList<TimeInterval> busy) => new(busy, null);

    public static ParseOutcome Failed(string error) => new(null, error);
}
