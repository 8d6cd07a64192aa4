using Ajanvaraus.Api.Calendars;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;

namespace Ajanvaraus.Api.Notifications;

// The booking's calendar entry as an iTIP message (RFC 5546): METHOD:REQUEST with ORGANIZER and ATTENDEE is what
// Outlook and Gmail show as an invitation; METHOD:CANCEL with the same UID and a higher SEQUENCE removes it.
// Built on IcsWriter's calendar and completed here, so the .ics endpoint (METHOD:PUBLISH) stays as it is.
internal static class Invitation
{
    // The ORGANIZER is the booking's own (IcsBooking.Organizer), as in the .ics endpoint and the feeds.
    public static string Write(IcsBooking booking, string method, string attendeeName, string attendeeEmail)
    {
        var calendar = IcsWriter.ToCalendar(booking);
        calendar.Method = method;
        var ev = calendar.Events.Single();
        ev.Attendees.Clear();
        ev.Attendees.Add(new Attendee($"mailto:{attendeeEmail}")
        {
            CommonName = attendeeName,
            Role = "REQ-PARTICIPANT",
            // The time is booked, not proposed: there is nothing to answer.
            ParticipationStatus = method == "CANCEL" ? "DECLINED" : "ACCEPTED",
            Rsvp = false,
        });
        return new CalendarSerializer().SerializeToString(calendar)!;
    }
}
