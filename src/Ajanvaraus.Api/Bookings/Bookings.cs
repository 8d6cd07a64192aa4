using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Ajanvaraus.Api.Availability;
using Ajanvaraus.Api.Hosting;

namespace Ajanvaraus.Api.Bookings;

public enum BookingStatus
{
    Confirmed,
    Cancelled,
    Completed,
    NoShow,
}

/// <summary>The customer as the booking form gives them. A confirmation needs an e-mail address or a phone number.</summary>
public sealed record CustomerRequest(
    [property: Required, StringLength(200, MinimumLength = 1)] string Name,
    [property: StringLength(254), Description("Where the confirmation and reminders go (e-mail).")] string? Email,
    [property: StringLength(32), Description("A Finnish phone number (e.g. 040 123 4567); required for the phone channel.")] string? Phone,
    [property: Required, RegularExpression("^(fi|sv|en)$", ErrorMessage = "Use fi, sv or en."), Description("The language of messages and the calendar entry.")] string Language);

/// <summary>
/// Either a time (serviceId, expertId, start, channel, servicePointId for visits) or a hold to confirm (holdId, holdToken).
/// </summary>
[Description("Either a time found by search (`serviceId`, `expertId`, `start`, `channel`, and `servicePointId` for visits) or a hold "
    + "to confirm (`holdId` with `holdToken`; the hold's time is booked). With a hold the time fields are not needed.")]
[DependentRequired("holdId", "holdToken")]
[DependentRequired("serviceId", "expertId", "start", "channel")]
public sealed record CreateBookingRequest(
    Guid? ServiceId,
    Guid? ExpertId,
    DateTimeOffset? Start,
    Channel? Channel,
    [property: StringLength(40)] string? ServicePointId,
    Guid? HoldId,
    [property: StringLength(100)] string? HoldToken,
    [property: Required] CustomerRequest Customer,
    [property: StringLength(2000)] string? Notes);

public sealed record CreateHoldRequest(
    [property: Required] Guid? ServiceId,
    [property: Required] Guid? ExpertId,
    [property: Required] DateTimeOffset? Start,
    [property: Required] Channel? Channel,
    [property: StringLength(40)] string? ServicePointId);

public sealed record HoldResponse(Guid Id, string HoldToken, DateTimeOffset ExpiresAt, DateTimeOffset Start, DateTimeOffset End, Channel Channel, Guid ServiceId, Guid ExpertId, string? ServicePointId);

public sealed record RescheduleBookingRequest(
    [property: Required] Guid? ExpertId,
    [property: Required] DateTimeOffset? Start,
    Channel? Channel,
    [property: StringLength(40)] string? ServicePointId);

public sealed record CancelBookingRequest([property: StringLength(500)] string? Reason);

public sealed record CustomerResponse(string Name, string? Email, string? Phone, string Language);

public sealed record BookingLinks(string Self, string Cancel, string Reschedule, string Calendar);

public sealed record BookingResponse(
    Guid Id,
    string Reference,
    BookingStatus Status,
    Guid ServiceId,
    string ProviderId,
    Guid ExpertId,
    Channel Channel,
    DateTimeOffset Start,
    DateTimeOffset End,
    string? ServicePointId,
    string? MeetingUrl,
    CustomerResponse Customer,
    string? Notes,
    int Sequence,
    [property: Description("The secret that manages this booking: shown only in the answer that created it.")] string? ManageToken,
    BookingLinks Links);
