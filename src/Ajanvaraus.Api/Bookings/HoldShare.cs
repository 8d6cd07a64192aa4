using Ajanvaraus.Api.Availability;
using Ajanvaraus.Api.Hosting;
using Ajanvaraus.Api.Identity;
using Ajanvaraus.Api.Search;
using Ajanvaraus.Api.Services;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Ajanvaraus.Api.Bookings;

// The live-hold cap is per address, so enough addresses together could still hold every time of a day, renewing each
// hold as it expires. Anonymous holds may therefore take at most RateLimits:Anonymous:HoldShareOfDay (a quarter) of
// one service's day at one point (or of its remote times), counted in appointments: per expert, as many back-to-back
// appointments as the day's published windows hold from now on, booked or not, so the cap does not shrink as the day
// fills. A share rather than a fixed count protects a one-expert day and a large point's day alike; the rest of the
// day stays bookable without a hold, and portals (their own cap per client id) and staff are not counted.
internal sealed class HoldShare(AvailabilityIndex index, HoldStore holds, IOptions<RateLimitOptions> options, TimeProvider clock)
{
    public async Task<ProblemHttpResult?> RefusalAsync(HttpContext http, TimeAsk time, CancellationToken ct)
    {
        var limits = options.Value;
        if (!limits.Enabled || Actor.Of(http.User).IsStaff || http.User.PortalClient() is not null)
        {
            return null;
        }

        var (service, point, zone) = (time.Service, time.Point?.Id, time.Zone);
        var day = LocalTime.DateIn(time.Start, zone);
        var (from, to) = (LocalTime.StartOfDay(day, zone), LocalTime.StartOfDay(day.AddDays(1), zone));
        var cap = Math.Max(1, (int)Math.Ceiling(limits.Anonymous.HoldShareOfDay * await AppointmentsAsync(service, point, from, to, ct)));
        var (live, firstExpiry) = await holds.AnonymousHoldsOfDayAsync(service.Id, point, from, to, ct);
        if (live < cap)
        {
            return null;
        }

        var now = clock.GetUtcNow();
        var seconds = Math.Max(1, (int)Math.Ceiling(((firstExpiry ?? now) - now).TotalSeconds));
        http.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many holds on this day",
            detail: $"Too many of this day's times are held. Book one directly, pick another day, or try again in {seconds} seconds.");
    }

    // Appointments the day's windows hold: per expert, greedily back to back over the published starts (for equal
    // lengths the earliest start first is the most that fit).
    private async Task<int> AppointmentsAsync(ServiceRow service, string? point, DateTimeOffset from, DateTimeOffset to,
        CancellationToken ct)
    {
        var state = await index.StateAsync(ct);
        var now = clock.GetUtcNow();
        Channel[] channels = point is null ? [Channel.Video, Channel.Phone] : [Channel.InPerson, Channel.RemoteAtPoint];
        var ask = SearchAsk.Within(service, channels.Where(service.Channels.Allows).ToList(),
            state.Catalogue.PointsFor(service, point, null), null, null, from, to, now);
        var duration = TimeSpan.FromMinutes(service.DurationMinutes);
        var count = 0;
        var slots = IndexSearch.Slots(state, ask, from, to, now, ignoreTaken: true).Where(s => s.ServicePointId == point);
        foreach (var expert in slots.GroupBy(s => s.ExpertId))
        {
            var freeFrom = DateTimeOffset.MinValue;
            foreach (var start in expert.Select(s => s.Start).Distinct().Order())
            {
                if (start >= freeFrom)
                {
                    count++;
                    freeFrom = start + duration;
                }
            }
        }

        return count;
    }
}
