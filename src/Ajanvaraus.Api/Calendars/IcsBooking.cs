namespace Ajanvaraus.Api.Calendars;

// A snapshot of one booking as a calendar sees it; the booking feature fills it from its row and the catalogue.
internal sealed record IcsBooking(
    Guid Id,
    string Reference,
    int Sequence,
    DateTimeOffset Start,
    DateTimeOffset End,
    string TimeZone,
    string Summary,
    string Description,
    string? Location,
    string? MeetingUrl,
    bool Cancelled,
    DateTimeOffset Stamp,
    string Language,
    string? Organizer = null,
    string? OrganizerName = null);
