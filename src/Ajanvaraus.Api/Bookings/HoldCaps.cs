using Ajanvaraus.Api.Hosting;
using Ajanvaraus.Api.Identity;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Ajanvaraus.Api.Bookings;

// Holds cannot tie up times: an anonymous caller keeps at most RateLimits:Anonymous:LiveHolds live holds per address,
// a portal RateLimits:Portal:LiveHolds per client id. Staff are not capped (an adviser holds for the customer at the desk).
internal static class HoldCaps
{
    // The address a hold is counted under: none for staff, whose holds count towards no cap.
    public static string? AddressOf(HttpContext http) => Actor.Of(http.User).IsStaff ? null : ClientAddress.Of(http);

    public static async Task<ProblemHttpResult?> RefusalAsync(HttpContext http, HoldStore holds, CancellationToken ct)
    {
        var limits = http.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value;
        var actor = Actor.Of(http.User);
        if (!limits.Enabled || actor.IsStaff)
        {
            return null;
        }

        var client = http.User.PortalClient();
        var cap = client is null ? limits.Anonymous.LiveHolds : limits.Portal.LiveHolds;
        var (live, firstExpiry) = await holds.LiveHoldsAsync(client, ClientAddress.Of(http), ct);
        if (live < cap)
        {
            return null;
        }

        var now = http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
        var seconds = Math.Max(1, (int)Math.Ceiling(((firstExpiry ?? now) - now).TotalSeconds));
        http.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many live holds",
            detail: $"This caller already holds {live} times. Confirm or release one, or try again in {seconds} seconds.");
    }
}
