using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Ajanvaraus.Api.Availability;
using Ajanvaraus.Api.Bookings;
using Microsoft.AspNetCore.Mvc;
using Ajanvaraus.Api.Hosting;

namespace Ajanvaraus.Api.Advisers;

public sealed record AgendaQuery(
    [property: DateInRange, Description("The day (the point's local date; default today there).")]
    [FromQuery(Name = "date")] DateOnly? Date,
    [property: StringLength(40), Description("Only this provider's bookings (e.g. `kela`).")]
    [FromQuery(Name = "provider")] string? Provider,
    [property: AllowedValues(null, "confirmed", "checked_in", "cancelled", "completed", "no_show",
                             ErrorMessage = "Use confirmed, checked_in, cancelled, completed or no_show."),
               Description("Only bookings in this status; cancelled bookings appear only when asked for.")]
    [FromQuery(Name = "status")] string? Status);

public sealed record AgendaEntryResponse(
    Guid Id,
    string Reference,
    BookingStatus Status,
    DateTimeOffset Start,
    DateTimeOffset End,
    Channel Channel,
    string ProviderId,
    string ProviderName,
    Guid ServiceId,
    string ServiceName,
    [property: Description("The service card: what the customer must bring, which channel is primary.")] string? ServiceCard,
    Guid ExpertId,
    string ExpertName,
    Guid? VideoRoomId,
    string? VideoRoomName,
    CustomerResponse Customer,
    string? Notes,
    DateTimeOffset? CheckedInAt,
    [property: Description("How it was made: citizen, portal:<client>, adviser:<point>/<subject>, agency_admin:…, operator:….")] string MadeBy);

public sealed record AgendaResponse(string ServicePointId, DateOnly Date, IReadOnlyList<AgendaEntryResponse> Items);

// An agenda row: the booking's columns and the names it shows (property-mapped).
internal sealed record AgendaRow
{
    public Guid Id { get; init; }
    public string Reference { get; init; } = "";
    public string Status { get; init; } = "";
    public DateTimeOffset StartsAt { get; init; }
    public DateTimeOffset EndsAt { get; init; }
    public string Channel { get; init; } = "";
    public string ProviderId { get; init; } = "";
    public string ProviderNameFi { get; init; } = "";
    public string ProviderNameSv { get; init; } = "";
    public string ProviderNameEn { get; init; } = "";
    public Guid ServiceId { get; init; }
    public string ServiceNameFi { get; init; } = "";
    public string ServiceNameSv { get; init; } = "";
    public string ServiceNameEn { get; init; } = "";
    public string? CardFi { get; init; }
    public string? CardSv { get; init; }
    public string? CardEn { get; init; }
    public Guid ExpertId { get; init; }
    public string ExpertName { get; init; } = "";
    public Guid? VideoRoomId { get; init; }
    public string? VideoRoomName { get; init; }
    public string CustomerName { get; init; } = "";
    public string? CustomerEmail { get; init; }
    public string? CustomerPhone { get; init; }
    public string CustomerLanguage { get; init; } = "fi";
    public string? Notes { get; init; }
    public DateTimeOffset? CheckedInAt { get; init; }
    public string MadeByKind { get; init; } = "";
    public string? MadeById { get; init; }
}
