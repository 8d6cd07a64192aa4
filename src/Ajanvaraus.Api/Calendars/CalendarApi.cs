using System.ComponentModel;
using Ajanvaraus.Api.Availability;
using Ajanvaraus.Api.Bookings;
using Ajanvaraus.Api.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Ajanvaraus.Api.Calendars;

internal static class CalendarApi
{
    public const string ContentType = "text/calendar";

    public static RouteGroupBuilder MapCalendars(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/bookings/{bookingId:guid}").WithTags("Bookings");
        group.MapGet("/calendar.ics", GetAsync)
            .WithName("GetBookingCalendar")
            .AcceptsManageToken()
            .WithSummary("The booking as an iCalendar file")
            .WithDescription("""
                An RFC 5545 VCALENDAR with one VEVENT in the customer's language: the UID stays the same when the booking is
                moved and SEQUENCE grows with each change, so calendar apps update the entry; STATUS:CANCELLED once cancelled.
                Times carry TZID=Europe/Helsinki with its VTIMEZONE. Needs the manage token (X-Manage-Token or ?token=).
                """)
            .Produces<string>(StatusCodes.Status200OK, ContentType)
            .AllowAnonymous();
        return group;
    }

    private static async Task<Results<ContentHttpResult, NotFound>> GetAsync(
        [Description("The booking id.")] Guid bookingId, HttpRequest request, BookingStore bookings, CalendarStore calendars, TimeProvider clock, CancellationToken ct)
    {
        if (await BookingResponses.WithTokenAsync(bookingId, request, bookings, ct) is not { } row)
        {
            return TypedResults.NotFound();
        }

        var d = await calendars.DetailsAsync(row.Id, ct);
        var language = row.CustomerLanguage;
        var pointName = d.PointNameFi is null ? null : new LocalizedText(d.PointNameFi, d.PointNameSv!, d.PointNameEn!).In(language);
        var address = d.StreetAddress is null ? null : $"{d.StreetAddress}, {d.PostalCode} {d.PostOffice}";
        var details = new IcsDetails(
            new LocalizedText(d.ServiceNameFi, d.ServiceNameSv, d.ServiceNameEn).In(language),
            new LocalizedText(d.ProviderNameFi, d.ProviderNameSv, d.ProviderNameEn).In(language),
            row.Reference, row.ChannelValue, pointName, address, row.MeetingUrl, null, null);
        var ics = IcsWriter.Write(new IcsBooking(
            row.Id, row.Reference, row.Sequence, row.StartsAt, row.EndsAt, d.TimeZone ?? LocalTime.Helsinki,
            IcsTexts.Summary(details, language), IcsTexts.Description(details, language), IcsTexts.Location(details), row.MeetingUrl,
            row.StatusValue == BookingStatus.Cancelled, row.UpdatedAt, language));
        return TypedResults.Text(ics, ContentType + "; charset=utf-8");
    }
}
