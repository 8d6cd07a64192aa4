using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;

using Ajanvaraus.Api.Availability;
using Ajanvaraus.Api.Bookings;
using Ajanvaraus.Api.Hosting;

namespace Ajanvaraus.Api.Search;

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
        Description("Only this channel. Default: in_person and remote_at_point when a point or municipality is given, "
            + "else video and phone.")]
    [FromQuery(Name = "channel")] string? Channel,
    [property: Description("Only this expert: each item then names the expert (an agency's own planning, or the same person again).")]
    [FromQuery(Name = "expert")] Guid? Expert,
    [property: RegularExpression("^[a-z]{2}$", ErrorMessage = "Use a two-letter ISO 639-1 code, e.g. fi, sv, en."),
        Description("Only experts who serve in this language (ISO 639-1).")]
    [FromQuery(Name = "language")] string? Language,
    [property: DateInRange, Description("First day (Finnish local date, default today).")]
    [FromQuery(Name = "from")] DateOnly? From,
    [property: DateInRange, Description("Last day, inclusive (default from + 13 days; at most 31 days from `from`).")]
    [FromQuery(Name = "to")] DateOnly? To,
    [property: Range(1, 500), Description("How many times at most (1-500, default 100).")]
    [FromQuery(Name = "limit")] int? Limit,
    [property: StringLength(200), Description("The `nextCursor` of the previous page.")]
    [FromQuery(Name = "cursor")] string? Cursor);

// A bookable time, time first: one item per start, channel and point, with how many experts could take it. Times
// carry the service point's offset (Finnish time for remote channels).
public sealed record TimeSlotResponse(
    DateTimeOffset Start,
    DateTimeOffset End,
    Channel Channel,
    [property: Description("The service point, for in_person and remote_at_point.")] string? ServicePointId,
    Guid ServiceId,
    [property: Description("How many experts are free then (remote_at_point: no more than the point's free video rooms). Book "
        + "without expertId and one of them is chosen.")] int FreeExperts,
    [property: Description("The languages the free experts serve in (ISO 639-1).")] IReadOnlyList<string> Languages,
    [property: Description("With `expert=`: the expert.")] Guid? ExpertId = null,
    [property: Description("With `expert=`: the expert's name.")] string? ExpertName = null);

// The service the times are of, named in the language asked, so a portal shows a page without another call.
public sealed record AvailabilityService(Guid Id, string Name, string ProviderId, string ProviderName);

// A page of times, with the service and the points its items name (each once).
public sealed record AvailabilityPage(
    IReadOnlyList<TimeSlotResponse> Items,
    [property: Description("Absent on the last page.")] string? NextCursor,
    AvailabilityService Service,
    [property: Description("The points the items name: name and street address.")] IReadOnlyList<BookingPlace> ServicePoints);
