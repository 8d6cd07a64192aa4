using Ajanvaraus.Api.Availability;
using System.Security.Claims;
using Ajanvaraus.Api.Identity;

namespace Ajanvaraus.Api.Bookings;

internal static class BookingResponses
{
    public const string ManageTokenHeader = "X-Manage-Token";

    public static string Location(Guid id) => $"/api/v1/bookings/{id}";

    /// <summary>The booking as its customer sees it; times in the point's zone (Finnish time when remote).</summary>
    public static BookingResponse From(BookingRow row, string zone, string? manageToken = null)
    {
        var self = Location(row.Id);
        return new BookingResponse(
            row.Id,
            row.Reference,
            row.StatusValue,
            row.ServiceId,
            row.ProviderId,
            row.ExpertId,
            row.ChannelValue,
            LocalTime.InZone(row.StartsAt, zone),
            LocalTime.InZone(row.EndsAt, zone),
            row.ServicePointId,
            row.MeetingUrl,
            new CustomerResponse(row.CustomerName, row.CustomerEmail, row.CustomerPhone, row.CustomerLanguage),
            row.Notes,
            row.Sequence,
            manageToken,
            new BookingLinks(self, $"{self}/cancel", $"{self}/reschedule", $"{self}/calendar.ics"));
    }

    /// <summary>The token from the X-Manage-Token header, or from ?token= (links in e-mails).</summary>
    public static string? ManageTokenOf(HttpRequest request) =>
        request.Headers[ManageTokenHeader].FirstOrDefault() is { Length: > 0 } header ? header : request.Query["token"].FirstOrDefault();

    /// <summary>The booking when the token is its manage token; null (answered 404, no hint) otherwise.</summary>
    public static async Task<BookingRow?> WithTokenAsync(Guid id, HttpRequest request, BookingStore store, CancellationToken ct)
    {
        var token = ManageTokenOf(request);
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }

        var row = await store.FindAsync(id, ct);
        return row is not null && ManageToken.Matches(token, row.ManageTokenHash) ? row : null;
    }

    /// <summary>Who acts with the manage token: a portal for its citizen, or the citizen.</summary>
    public static Actor ActorOf(ClaimsPrincipal user) =>
        user.PortalClient() is { } client ? new Actor("portal", client) : Actor.Citizen;
}
