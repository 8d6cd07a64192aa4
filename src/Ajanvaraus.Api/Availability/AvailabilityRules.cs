using Ajanvaraus.Api.Hosting;
using System.ComponentModel.DataAnnotations;
using System.Globalization;

namespace Ajanvaraus.Api.Availability;

// When an expert is available: every day the RRULE gives (or once, on validFrom, without one), from startTime to
// endTime in the service point's local time (Europe/Helsinki for remote rules).
public sealed record AvailabilityRuleRequest(
    [property: Required, MinLength(1, ErrorMessage = "Give at least one channel.")] IReadOnlyList<Channel> Channels,
    [property: Required, RegularExpression(TimeOfDay.Pattern, ErrorMessage = TimeOfDay.Message)] string StartTime,
    [property: Required, RegularExpression(TimeOfDay.Pattern, ErrorMessage = TimeOfDay.Message)] string EndTime,
    [property: Required, DateInRange] DateOnly? ValidFrom,
    [property: StringLength(40)] string? ServicePointId = null,
    [property: StringLength(500)] string? Recurrence = null,
    [property: DateInRange] DateOnly? ValidUntil = null);

public sealed record AvailabilityRuleResponse(
    Guid Id,
    Guid ExpertId,
    string? ServicePointId,
    IReadOnlyList<Channel> Channels,
    string StartTime,
    string EndTime,
    string? Recurrence,
    DateOnly ValidFrom,
    DateOnly? ValidUntil);

internal sealed record AvailabilityRuleRow
{
    public Guid Id { get; init; }
    public Guid ExpertId { get; init; }
    public string? ServicePointId { get; init; }
    public bool AllowsInPerson { get; init; }
    public bool AllowsRemoteAtPoint { get; init; }
    public bool AllowsVideo { get; init; }
    public bool AllowsPhone { get; init; }
    public TimeOnly StartTime { get; init; }
    public TimeOnly EndTime { get; init; }
    public string? RecurrenceRule { get; init; }
    public DateOnly ValidFrom { get; init; }
    public DateOnly? ValidUntil { get; init; }

    public ChannelFlags Channels => new(AllowsInPerson, AllowsRemoteAtPoint, AllowsVideo, AllowsPhone);

    // The zone its local times are in: the point's, or Helsinki for a remote rule.
    public string TimeZoneFrom(IReadOnlyDictionary<string, string> pointZones) =>
        ServicePointId is not null && pointZones.TryGetValue(ServicePointId, out var zone) ? zone : LocalTime.Helsinki;

    public static AvailabilityRuleRow From(Guid id, Guid expertId, AvailabilityRuleRequest body)
    {
        var channels = ChannelFlags.Of(body.Channels);
        return new AvailabilityRuleRow
        {
            Id = id,
            ExpertId = expertId,
            ServicePointId = body.ServicePointId,
            AllowsInPerson = channels.AllowsInPerson,
            AllowsRemoteAtPoint = channels.AllowsRemoteAtPoint,
            AllowsVideo = channels.AllowsVideo,
            AllowsPhone = channels.AllowsPhone,
            StartTime = TimeOfDay.Parse(body.StartTime),
            EndTime = TimeOfDay.Parse(body.EndTime),
            RecurrenceRule = body.Recurrence is null ? null : WindowExpander.Normalize(body.Recurrence),
            ValidFrom = body.ValidFrom!.Value,
            ValidUntil = body.ValidUntil,
        };
    }

    public AvailabilityRuleResponse ToResponse() => new(
        Id,
        ExpertId,
        ServicePointId,
        Channels.ToList(),
        TimeOfDay.Format(StartTime),
        TimeOfDay.Format(EndTime),
        RecurrenceRule,
        ValidFrom,
        ValidUntil);
}

// The checks of a rule that DataAnnotations cannot express (pure; the point check needs the database).
internal static class RuleValidation
{
    public static Dictionary<string, string[]> Validate(AvailabilityRuleRequest body)
    {
        var errors = new Dictionary<string, string[]>();
        var channels = ChannelFlags.Of(body.Channels);
        if (channels.AllowsInPerson && body.ServicePointId is null)
        {
            errors["channels"] = ["in_person needs a servicePointId: a remote rule (no servicePointId) cannot serve in person."];
        }

        if (TimeOfDay.Parse(body.EndTime) <= TimeOfDay.Parse(body.StartTime))
        {
            errors["endTime"] = ["endTime must be after startTime (a window ends on the day it starts)."];
        }

        if (body.Recurrence is not null && WindowExpander.RecurrenceProblem(body.Recurrence) is { } problem)
        {
            errors["recurrence"] = [problem];
        }

        if (body.ValidUntil is { } until && until < body.ValidFrom!.Value)
        {
            errors["validUntil"] = ["validUntil must be on or after validFrom."];
        }

        if (errors.Count == 0 && body.Recurrence is not null && !GivesADay(body))
        {
            errors["recurrence"] = ["The rule gives no day from validFrom to validUntil (or in the five years after validFrom)."];
        }

        return errors;
    }

    // In person needs the point open: a rule whose in-person time never meets the opening hours is a mistake.
    public static void AddOpeningHoursErrors(
        Dictionary<string, string[]> errors, AvailabilityRuleRequest body, IReadOnlyList<OpeningHours> hours)
    {
        var rule = AvailabilityRuleRow.From(Guid.Empty, Guid.Empty, body);
        if (OpeningHoursCut.EverOpen(rule, hours, LocalTime.Helsinki, out var weekdaysMeet))
        {
            return;
        }

        if (!weekdaysMeet)
        {
            errors[body.Recurrence is null ? "validFrom" : "recurrence"] =
                ["The service point is not open on any day this rule gives, so it can offer no in-person time."];
            return;
        }

        string[] outside =
            ["startTime to endTime lies wholly outside the service point's opening hours, so the rule offers no in-person time."];
        errors["startTime"] = outside;
        errors["endTime"] = outside;
    }

    // A rule that can never give a window is a mistake (e.g. 30 February, or COUNT/UNTIL ending before validFrom).
    private static bool GivesADay(AvailabilityRuleRequest body)
    {
        var rule = AvailabilityRuleRow.From(Guid.Empty, Guid.Empty, body);
        var last = body.ValidUntil ?? rule.ValidFrom.AddYears(5);
        return WindowExpander.Days(rule, LocalTime.Helsinki, rule.ValidFrom, last, max: 1).Count > 0;
    }
}
