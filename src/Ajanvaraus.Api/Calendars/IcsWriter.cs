using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;

namespace Ajanvaraus.Api.Calendars;

internal static class IcsWriter
{
    public const string ProductId = "-//Ajanvaraus//Ajanvaraus 1.0//FI";

    // Calendar clients match updates and cancellations to the event they already hold by UID, and apply
    // the one with the highest SEQUENCE: the UID must not change when a booking is moved.
    public static string Uid(Guid bookingId) => $"{bookingId}@ajanvaraus";

    public static string Write(IcsBooking booking) =>
        new CalendarSerializer().SerializeToString(ToCalendar(booking))!;

    public static Calendar ToCalendar(IcsBooking booking)
    {
        var calendar = new Calendar
        {
            ProductId = ProductId,
            Method = booking.Cancelled ? CalendarMethods.Cancel : CalendarMethods.Publish,
        };
        // The VTIMEZONE only needs rules from the booking on; history before it is dead weight.
        calendar.AddTimeZone(booking.TimeZone, booking.Start.UtcDateTime.AddDays(-1), includeHistoricalData: false);
        calendar.Events.Add(ToEvent(booking));
        return calendar;
    }

    // The one way a booking becomes a VEVENT: its own .ics and every feed that holds it carry the same UID and SEQUENCE.
    public static CalendarEvent ToEvent(IcsBooking booking)
    {
        var ev = new CalendarEvent
        {
            Uid = Uid(booking.Id),
            Sequence = booking.Sequence,
            DtStamp = Utc(booking.Stamp),
            DtStart = Local(booking.Start, booking.TimeZone),
            DtEnd = Local(booking.End, booking.TimeZone),
            Summary = booking.Summary,
            Description = booking.Description,
            Location = booking.Location,
            Url = booking.MeetingUrl is { } url ? new Uri(url) : null,
            Status = booking.Cancelled ? EventStatus.Cancelled : EventStatus.Confirmed,
            Organizer = booking.Organizer is { } organizer ? new Organizer(organizer) { CommonName = booking.OrganizerName } : null,
        };
        foreach (var name in new[] { "SUMMARY", "DESCRIPTION" })
        {
            ev.Properties[name]?.Parameters.Set("LANGUAGE", booking.Language);
        }

        return ev;
    }

    private static CalDateTime Utc(DateTimeOffset instant) => new(instant.UtcDateTime, CalDateTime.UtcTzId);

    // Wall-clock time with TZID, so the event shows at the point's local time whatever the reader's zone.
    // In the repeated hour when clocks go back, a local time names two instants and readers take the
    // first (RFC 5545 3.3.5); a booking in the second one is written in UTC so it keeps its instant.
    private static CalDateTime Local(DateTimeOffset instant, string timeZone)
    {
        var utc = Utc(instant);
        var local = utc.ToTimeZone(timeZone);
        return local.AsUtc == utc.AsUtc ? local : utc;
    }
}
