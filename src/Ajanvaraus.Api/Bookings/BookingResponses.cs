using Ajanvaraus.Api.Availability;

namespace Ajanvaraus.Api.Bookings;

// The booking as its customer (or their portal) sees it: times in the point's zone (Finnish time when remote), names
// in the language asked.
internal static class BookingResponses
{
    public static string Location(Guid id) => $"/api/v1/bookings/{id}";

    public static BookingResponse From(BookingView view, string language, string? manageToken = null)
    {
        var (row, names) = view;
        var self = Location(row.Id);
        var place = names.PointNames is { } point
            ? new BookingPlace(row.ServicePointId!, point.In(language), names.StreetAddress!, names.PostalCode!, names.PostOffice!)
            : null;
        return new BookingResponse(
            row.Id,
            row.Reference,
            row.StatusValue,
            row.ServiceId,
            names.ServiceNames.In(language),
            row.ProviderId,
            names.ProviderNames.In(language),
            row.ExpertId,
            names.ExpertName,
            row.ChannelValue,
            LocalTime.InZone(row.StartsAt, names.Zone),
            LocalTime.InZone(row.EndsAt, names.Zone),
            row.ServicePointId,
            place,
            row.MeetingUrl,
            new CustomerResponse(row.CustomerName, row.CustomerEmail, row.CustomerPhone, row.CustomerLanguage),
            row.Notes,
            row.Sequence,
            row.CheckedInAt is { } checkedIn ? LocalTime.InZone(checkedIn, names.Zone) : null,
            manageToken,
            names.InstructionsIn(language),
            new BookingLinks(self, $"{self}/cancel", $"{self}/reschedule", $"{self}/calendar.ics"));
    }
}
