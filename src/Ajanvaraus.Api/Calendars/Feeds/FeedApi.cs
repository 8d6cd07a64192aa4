using System.ComponentModel;
using System.Security.Cryptography;
using System.Text;
using Ajanvaraus.Api.Availability;
using Ajanvaraus.Api.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Ajanvaraus.Api.Calendars.Feeds;

// The anonymous feed itself: the token in the path is its only key.
internal static class FeedApi
{
    public static void MapFeed(this IEndpointRouteBuilder app)
    {
        app.MapGet("/feeds/{token}.ics", GetAsync)
            .WithTags(FeedsApi.Tag)
            .WithName("GetCalendarFeed")
            .WithSummary("A subscribable calendar feed")
            .WithDescription("""
                RFC 5545: one VEVENT per booking with the booking's own UID and SEQUENCE (as in its calendar.ics), VTIMEZONE,
                LOCATION, and in DESCRIPTION the reference, service, channel, expert and video room (customers only in expert
                and provider feeds). X-PUBLISHED-TTL and REFRESH-INTERVAL are 15 minutes. Answers an ETag; `If-None-Match`
                with it gives 304 while nothing changed. `Cache-Control: private, no-cache`. Anonymous; an unknown or revoked
                token is 404.
                """)
            .Produces<string>(StatusCodes.Status200OK, CalendarApi.ContentType)
            .Produces(StatusCodes.Status304NotModified)
            .AllowAnonymous();
    }

    private static async Task<Results<ContentHttpResult, StatusCodeHttpResult, NotFound>> GetAsync(
        [Description("The feed's secret token.")] string token, HttpContext http, FeedStore store, TimeProvider clock,
        IOptions<CalendarOptions> options, IOptions<AvailabilityOptions> availability, CancellationToken ct)
    {
        if (await store.FindByTokenAsync(token, ct) is not { } feed)
        {
            // A wrong feed token counts towards its address's lock, as a wrong manage or hold token does.
            http.TokenFailed();
            return TypedResults.NotFound();
        }

        var now = clock.GetUtcNow();
        var horizon = Horizon.At(now, availability.Value.HorizonDays);
        var rows = await store.BookingsAsync(feed, now.AddDays(-30), horizon.End, now.AddDays(-30), ct);
        var showCustomers = feed.Kind != FeedKinds.ServicePoint || options.Value.PointFeedsShowCustomers;
        var ics = FeedWriter.Write(feed, rows, showCustomers, options.Value.OrganizerOf);

        // The text is a pure function of the rows (DTSTAMP is the booking's last change), so its hash is a strong ETag.
        var etag = $"\"{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(ics)))[..32]}\"";
        var headers = http.Response.Headers;
        headers.ETag = etag;
        headers.CacheControl = "private, no-cache";
        if (http.Request.GetTypedHeaders().IfNoneMatch.Any(t => t.Tag.Value == etag || t == EntityTagHeaderValue.Any))
        {
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }

        return TypedResults.Text(ics, CalendarApi.ContentType + "; charset=utf-8");
    }
}
