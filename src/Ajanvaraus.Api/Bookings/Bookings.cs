using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using Ajanvaraus.Api.Availability;
using Ajanvaraus.Api.Hosting;

namespace Ajanvaraus.Api.Bookings;

public enum BookingStatus
{
    [JsonStringEnumMemberName("confirmed")]
    Confirmed,
    [JsonStringEnumMemberName("checked_in")]
    CheckedIn,
    [JsonStringEnumMemberName("cancelled")]
    Cancelled,
    [JsonStringEnumMemberName("completed")]
    Completed,
    [JsonStringEnumMemberName("no_show")]
    NoShow,
}

// The customer as the booking form gives them. A confirmation needs an e-mail address or a phone number.
public sealed record CustomerRequest(
    [property: Required, StringLength(200, MinimumLength = 1), PlainText] string Name,
    [property: StringLength(254), Description("Where the confirmation and reminders go (e-mail).")] string? Email,
    [property: StringLength(32), Description("A Finnish phone number (e.g. 040 123 4567); required for the phone channel.")] string? Phone,
    [property: Required, RegularExpression("^(fi|sv|en)$", ErrorMessage = "Use fi, sv or en."),
        Description("The language of messages and the calendar entry.")] string Language);

[Description("Either a time found by search (`serviceId`, `start`, `channel`, `servicePointId` for visits, and `expertId` for one "
    + "expert — without it any free expert is chosen, the one with the fewest bookings that day) or a hold to confirm (`holdId` "
    + "with `holdToken`; the hold's time is booked). With a hold, leave the time fields out: the hold fixes them.")]
[DependentRequired("holdId", "holdToken")]
[DependentRequired("serviceId", "start", "channel")]
public sealed record CreateBookingRequest(
    Guid? ServiceId,
    Guid? ExpertId,
    [property: DateInRange] DateTimeOffset? Start,
    Channel? Channel,
    [property: StringLength(40)] string? ServicePointId,
    Guid? HoldId,
    [property: StringLength(100)] string? HoldToken,
    [property: Required] CustomerRequest Customer,
    [property: StringLength(2000), PlainText(lineBreaks: true)] string? Notes);

public sealed record CreateHoldRequest(
    [property: Required] Guid? ServiceId,
    [property: Description("The expert; leave out for any free expert (the answer names the one chosen).")] Guid? ExpertId,
    [property: Required, DateInRange] DateTimeOffset? Start,
    [property: Required] Channel? Channel,
    [property: StringLength(40)] string? ServicePointId);

public sealed record HoldResponse(Guid Id, string HoldToken, DateTimeOffset ExpiresAt, DateTimeOffset Start, DateTimeOffset End,
    Channel Channel, Guid ServiceId, Guid ExpertId, string? ServicePointId);

public sealed record RescheduleBookingRequest(
    [property: Description("The expert of the new time; leave out for any free expert (the booking's own expert too).")] Guid? ExpertId,
    [property: Required, DateInRange] DateTimeOffset? Start,
    Channel? Channel,
    [property: StringLength(40)] string? ServicePointId,
    [property: StringLength(500), PlainText(lineBreaks: true),
        Description("Why: required when staff (an adviser, agency or operator) act for the customer.")]
    string? Reason = null);

public sealed record CancelBookingRequest(
    [property: StringLength(500), PlainText(lineBreaks: true),
        Description("Why: required when staff (an adviser, agency or operator) act for the customer.")]
    string? Reason);

// Check-in, no-show and complete: staff may say why (kept in the history).
public sealed record BookingStatusRequest([property: StringLength(500), PlainText(lineBreaks: true)] string? Reason);

public sealed record CustomerResponse(string Name, string? Email, string? Phone, string Language);

public sealed record BookingLinks(string Self, string Cancel, string Reschedule, string Calendar);

// Where a booking takes place, for a portal to show without another call.
public sealed record BookingPlace(string Id, string Name, string StreetAddress, string PostalCode, string PostOffice);

public sealed record BookingResponse(
    Guid Id,
    string Reference,
    BookingStatus Status,
    Guid ServiceId,
    [property: Description("The service's name in the language asked (Accept-Language).")] string ServiceName,
    string ProviderId,
    [property: Description("The agency's name in the language asked.")] string ProviderName,
    Guid ExpertId,
    string ExpertName,
    Channel Channel,
    DateTimeOffset Start,
    DateTimeOffset End,
    string? ServicePointId,
    [property: Description("The service point's name and street address, for in_person and remote_at_point.")] BookingPlace? ServicePoint,
    string? MeetingUrl,
    CustomerResponse Customer,
    string? Notes,
    int Sequence,
    [property: Description("When an adviser checked the customer in at the point.")] DateTimeOffset? CheckedInAt,
    [property: Description("The secret that manages this booking: shown only in the answer that created it.")] string? ManageToken,
    [property: Description("The service's text for citizens in the language asked: what to bring, how to prepare.")] string? Instructions,
    BookingLinks Links);
