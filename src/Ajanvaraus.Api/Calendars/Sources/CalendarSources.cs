using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Ajanvaraus.Api.Availability;
using Ajanvaraus.Api.Hosting;
using Microsoft.AspNetCore.Mvc;

namespace Ajanvaraus.Api.Calendars.Sources;

// An expert's own calendar, by its ICS address (Outlook's published calendar, Google's secret address, a CalDAV export).
public sealed record CalendarSourceRequest(
    [property: Required, StringLength(200, MinimumLength = 1), PlainText,
        Description("Shown as the reason of conflicts, e.g. \"Outlook\".")]
    string Name,
    [property: Required, StringLength(2000), Description("An http(s) address answering an iCalendar (ICS); webcal:// is read as https://.")]
    string Url);

// A source and the state of its sync: stale when no sync succeeded within Calendars:StaleAfterMinutes (its last good busy
// times still count).
public sealed record CalendarSourceResponse(
    Guid Id,
    Guid ExpertId,
    string Name,
    [property: Description("The address; absent in the operators' list (it may hold a secret).")] string? Url,
    DateTimeOffset? LastAttemptAt,
    DateTimeOffset? LastSuccessAt,
    [property: Description("Why the last attempt failed; absent after a success.")] string? LastError,
    [property: Description("Busy intervals of this source from now to the horizon.")] int BusyIntervals,
    bool Stale);

public sealed record CalendarSourcesQuery(
    [property: Description("true: only stale sources; false: only fresh ones; absent: all.")]
    [FromQuery(Name = "stale")] bool? Stale);

internal sealed record CalendarSourceRow
{
    public Guid Id { get; init; }
    public Guid ExpertId { get; init; }
    public string Name { get; init; } = "";
    public string Url { get; init; } = "";
    public string? ETag { get; init; }
    public string? LastModified { get; init; }
    public string? ParsedDay { get; init; }
    public DateTimeOffset? LastAttemptAt { get; init; }
    public DateTimeOffset? LastSuccessAt { get; init; }
    public string? LastError { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public int BusyIntervals { get; init; }

    public bool IsStale(DateTimeOffset staleBefore) => LastSuccessAt is not { } success || success < staleBefore;

    // lastError is stored as its English key (SourceErrors) and answered in the caller's language.
    public CalendarSourceResponse ToResponse(DateTimeOffset staleBefore, string language, bool showUrl = true) => new(
        Id, ExpertId, Name, showUrl ? Url : null, Shown(LastAttemptAt), Shown(LastSuccessAt),
        LastError is { } error ? ProblemTexts.Translate(error, language) : null, BusyIntervals, IsStale(staleBefore));

    private static DateTimeOffset? Shown(DateTimeOffset? instant) => instant is { } i ? LocalTime.InZone(i, LocalTime.Helsinki) : null;
}
