using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;

namespace Ajanvaraus.Api.Availability;

// The question a portal asks: when could this service be booked, where, how.
public sealed record AvailabilityQuery(
    [property: Required, Description("The service to book (id from /api/v1/services).")]
    [FromQuery(Name = "service")] Guid? Service,
    [property: StringLength(40), Description("A service point id (e.g. `mikkeli`): slots at that point.")]
    [FromQuery(Name = "servicePoint")] string? ServicePoint,
    [property: RegularExpression("^[0-9]{3}$", ErrorMessage = "Use Statistics Finland's three-digit municipality code, e.g. 491."),
        Description("A municipality code (e.g. `491`): slots at the points in that municipality.")]
    [FromQuery(Name = "municipality")] string? Municipality,
    [property: AllowedValues(null, "in_person", "remote_at_point", "video", "phone",
        ErrorMessage = "Use in_person, remote_at_point, video or phone."),
        Description("Only this channel. Default: in_person and remote_at_point when a point or municipality is given, else video and phone.")]
    [FromQuery(Name = "channel")] string? Channel,
    [property: RegularExpression("^[a-z]{2}$", ErrorMessage = "Use a two-letter ISO 639-1 code, e.g. fi, sv, en."),
        Description("Only experts who serve in this language (ISO 639-1).")]
    [FromQuery(Name = "language")] string? Language,
    [property: Description("First day (Finnish local date, default today).")]
    [FromQuery(Name = "from")] DateOnly? From,
    [property: Description("Last day, inclusive (default from + 13 days; at most 31 days from `from`).")]
    [FromQuery(Name = "to")] DateOnly? To,
    [property: Range(1, 500), Description("How many slots at most (1-500, default 100).")]
    [FromQuery(Name = "limit")] int? Limit,
    [property: StringLength(200), Description("The `nextCursor` of the previous page.")]
    [FromQuery(Name = "cursor")] string? Cursor);

// A bookable start time. Times carry the service point's offset (Finnish time for remote channels).
public sealed record SlotResponse(
    DateTimeOffset Start,
    DateTimeOffset End,
    Channel Channel,
    Guid ServiceId,
    [property: Description("The service's name in the language asked (Accept-Language).")] string ServiceName,
    string ProviderId,
    [property: Description("The agency's name in the language asked.")] string ProviderName,
    Guid ExpertId,
    string ExpertName,
    string? ServicePointId,
    [property: Description("The service point's name and street address, for in_person and remote_at_point.")] Bookings.BookingPlace? ServicePoint);
