using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Ajanvaraus.Api.Hosting;

namespace Ajanvaraus.Api.Bookings;

public sealed record ProviderBookingsQuery(
    [property: DateInRange, Description("First day (Finnish local date; default today).")]
    [FromQuery(Name = "from")] DateOnly? From,
    [property: DateInRange, Description("Last day, inclusive (default from + 30 days).")]
    [FromQuery(Name = "to")] DateOnly? To,
    [property: StringLength(40), Description("Only bookings at this service point.")]
    [FromQuery(Name = "servicePoint")] string? ServicePoint,
    [property: Description("Only this expert's bookings.")]
    [FromQuery(Name = "expert")] Guid? Expert,
    [property: AllowedValues(null, "confirmed", "checked_in", "cancelled", "completed", "no_show",
        ErrorMessage = "Use confirmed, checked_in, cancelled, completed or no_show."),
               Description("Only bookings in this status.")]
    [FromQuery(Name = "status")] string? Status,
    [property: Range(1, 200), Description("How many at most (1-200, default 50).")]
    [FromQuery(Name = "limit")] int? Limit,
    [property: StringLength(200), Description("The `nextCursor` of the previous page.")]
    [FromQuery(Name = "cursor")] string? Cursor);

// A booking as its agency sees it: with the customer's contact details.
public sealed record ProviderBookingResponse(
    Guid Id, string Reference, BookingStatus Status, Guid ServiceId, Guid ExpertId, Availability.Channel Channel,
    DateTimeOffset Start, DateTimeOffset End, string? ServicePointId, string? MeetingUrl, CustomerResponse Customer, string? Notes,
    string MadeBy, DateTimeOffset CreatedAt);
