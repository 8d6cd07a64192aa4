using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Ajanvaraus.Api.Hosting;
using Microsoft.AspNetCore.Mvc;

namespace Ajanvaraus.Api.Statistics;

// A walk-in the adviser served on an agency's behalf. No personal data: who the customer was is not asked.
public sealed record CreateServiceEventRequest(
    [property: Required, RegularExpression(Slug.Pattern, ErrorMessage = Slug.Message),
        Description("The agency served on whose behalf (e.g. `vero`); it must serve at the point.")] string ProviderId,
    [property: Description("The agency's service, when one fits.")] Guid? ServiceId,
    [property: Required, RegularExpression(Slug.Pattern, ErrorMessage = Slug.Message),
        Description("A transaction type common to every agency or the agency's own (see `/transaction-types`).")] string TransactionType,
    [property: Required, RegularExpression("^(self_service|remote_at_point|counter)$",
        ErrorMessage = "Use self_service, remote_at_point or counter.")] string Channel,
    [property: DateInRange, Description("When it happened (default now); not in the future.")] DateTimeOffset? At,
    [property: RegularExpression("^[a-z]{2,3}$", ErrorMessage = "Use a language code of 2-3 lower-case letters, e.g. fi, sv or en."),
        Description("The language the customer was served in.")] string? Language);

public sealed record ServiceEventResponse(
    Guid Id, string ServicePointId, string ProviderId, Guid? ServiceId, string TransactionType, string Channel, DateTimeOffset At,
    string? Language, string RecordedBy, DateTimeOffset RecordedAt);

public sealed record ServiceEventDayResponse(string ServicePointId, DateOnly Date, IReadOnlyList<ServiceEventResponse> Items);

public sealed record ServiceEventDayQuery(
    [property: DateInRange, Description("The day (the point's local date; default today there).")]
    [FromQuery(Name = "date")] DateOnly? Date);

internal sealed record ServiceEventRow
{
    public Guid Id { get; init; }
    public string ServicePointId { get; init; } = "";
    public string ProviderId { get; init; } = "";
    public Guid? ServiceId { get; init; }
    public string TransactionTypeId { get; init; } = "";
    public string Channel { get; init; } = "";
    public DateTimeOffset OccurredAt { get; init; }
    public string? Language { get; init; }
    public string RecordedByKind { get; init; } = "";
    public string? RecordedById { get; init; }
    public DateTimeOffset RecordedAt { get; init; }

    public ServiceEventResponse ToResponse(string zone) => new(
        Id, ServicePointId, ProviderId, ServiceId, TransactionTypeId, Channel, Availability.LocalTime.InZone(OccurredAt, zone), Language,
        RecordedById is null ? RecordedByKind : $"{RecordedByKind}:{RecordedById}", Availability.LocalTime.InZone(RecordedAt, zone));
}
