using System.ComponentModel.DataAnnotations;
using Ajanvaraus.Api.Hosting;

namespace Ajanvaraus.Api.Availability;

// A time the expert is away (leave, training): cut out of their windows. Instants with offset.
public sealed record CreateAbsenceRequest(
    [property: Required, DateInRange] DateTimeOffset? StartsAt,
    [property: Required, DateInRange] DateTimeOffset? EndsAt,
    [property: StringLength(500), PlainText(lineBreaks: true)] string? Reason = null);

// An absence; times are shown in Finnish time (Europe/Helsinki).
public sealed record AbsenceResponse(Guid Id, Guid ExpertId, DateTimeOffset StartsAt, DateTimeOffset EndsAt, string? Reason);

internal sealed record AbsenceRow(Guid Id, Guid ExpertId, DateTimeOffset StartsAt, DateTimeOffset EndsAt, string? Reason)
{
    public AbsenceResponse ToResponse() =>
        new(Id, ExpertId, LocalTime.InZone(StartsAt, LocalTime.Helsinki), LocalTime.InZone(EndsAt, LocalTime.Helsinki), Reason);
}
