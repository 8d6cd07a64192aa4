using System.ComponentModel;
using Ajanvaraus.Api.Availability;
using Ajanvaraus.Api.Bookings;
using Ajanvaraus.Api.Calendars.Feeds;
using Ajanvaraus.Api.Calendars.Sources;
using Ajanvaraus.Api.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

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
                Times carry TZID=Europe/Helsinki with its VTIMEZONE. ORGANIZER is the provider's no-reply address
                (`Calendars:Organizer`, RFC 5546); a phone booking's LOCATION names the number the expert will call. When
                `Notifications:ManageUrlTemplate` is set, DESCRIPTION carries the manage link, with the token this file was
                fetched with. Served as an attachment named `<reference>.ics`. Needs the manage token (X-Manage-Token or ?token=).
                """)
            .Produces<string>(StatusCodes.Status200OK, ContentType)
            .AllowAnonymous();
        app.MapFeeds();
        app.MapFeed();
        app.MapCalendarSources();
        return group;
    }

    private static async Task<Results<ContentHttpResult, NotFound>> GetAsync(
        [Description("The booking id.")] Guid bookingId, HttpRequest request, BookingStore bookings,
        IOptions<CalendarOptions> options, PublicBaseUrl urls, CancellationToken ct)
    {
        if (await BookingAccess.FindWithTokenAsync(bookingId, request, bookings, ct) is not { } row)
        {
            return TypedResults.NotFound();
        }

        // The same joined read as the booking's own answer: names in all three languages, the point and its zone.
        var d = (await bookings.FindViewAsync(row.Id, ct))!.Names;
        var language = row.CustomerLanguage;
        var pointName = d.PointNames?.In(language);
        var address = d.StreetAddress is null ? null : $"{d.StreetAddress}, {d.PostalCode} {d.PostOffice}";
        var provider = d.ProviderNames.In(language);
        var phone = row.ChannelValue == Channel.Phone ? IcsTexts.PhoneLocation(row.CustomerPhone, language) : null;
        var manage = options.Value.ManageUrl(row.Id, row.Reference, BookingAccess.TokenOf(request)) is { } link
            ? urls.Absolute(link, request)
            : null;
        var details = new IcsDetails(
            d.ServiceNames.In(language), provider,
            row.Reference, row.ChannelValue, pointName, address, row.MeetingUrl, phone, manage, row.CustomerPhone,
            d.InstructionsIn(language));
        var ics = IcsWriter.Write(new IcsBooking(
            row.Id, row.Reference, row.Sequence, row.StartsAt, row.EndsAt, d.Zone,
            IcsTexts.Summary(details, language), IcsTexts.Description(details, language), IcsTexts.Location(details, language),
            row.MeetingUrl,
            row.StatusValue == BookingStatus.Cancelled, row.UpdatedAt, language, options.Value.OrganizerOf(row.ProviderId), provider));
        // References are letters, digits and hyphens: safe inside the quoted filename.
        request.HttpContext.Response.Headers.ContentDisposition = $"attachment; filename=\"{row.Reference}.ics\"";
        return TypedResults.Text(ics, ContentType + "; charset=utf-8");
    }
}
