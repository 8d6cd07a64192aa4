using Ajanvaraus.Api.Availability;
using Ajanvaraus.Api.Hosting;
using Ajanvaraus.Api.Identity;

namespace Ajanvaraus.Api.Bookings;

// Who reaches a booking: the citizen (or their portal) only with its manage token — a wrong or missing token looks
// exactly like an unknown booking (404); staff by their token: an adviser for bookings at their point or made there,
// an agency admin for their provider's, an operator for any (another's answers 403).
internal static class BookingAccess
{
    public const string TokenHeader = "X-Manage-Token";

    public static string? TokenOf(HttpRequest request) =>
        request.Headers[TokenHeader].FirstOrDefault() is { Length: > 0 } header ? header : request.Query["token"].FirstOrDefault();

    public static async Task<BookingRow?> FindWithTokenAsync(Guid id, HttpRequest request, BookingStore store, CancellationToken ct)
    {
        var token = TokenOf(request);
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }

        var row = await store.FindAsync(id, ct);
        if (row is not null && ManageToken.Matches(token, row.ManageTokenHash))
        {
            return row;
        }

        // A wrong token counts towards its address's lock (TokenGuard); a missing one does not.
        request.HttpContext.TokenFailed();
        return null;
    }

    public static bool MayAct(Actor actor, BookingRow row) => actor.Kind switch
    {
        Actor.Operator => true,
        Actor.AgencyAdmin => row.ProviderId == actor.Scope,
        Actor.Adviser => row.ServicePointId == actor.Scope
            || (row.MadeByKind == Actor.Adviser && row.MadeById?.StartsWith($"{actor.Scope}/", StringComparison.Ordinal) == true),
        _ => false,
    };

    // Where staff may book or move to: an adviser visits only at their own point (video and phone for anyone), an
    // agency admin only their provider's services. Null when allowed.
    public static string? StaffRefusal(Actor actor, TimeAsk time) => actor.Kind switch
    {
        Actor.Adviser when time.Point is { } point && point.Id != actor.Scope =>
            "An adviser books visits only at their own service point.",
        Actor.AgencyAdmin when time.Service.ProviderId != actor.Scope => "An agency admin books only their own provider's services.",
        _ => null,
    };

    public static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult Forbidden(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Not yours to act on", detail: detail);
}

// The gate of /bookings/{bookingId}/… routes: 404 or 403 before any handler; handlers read the booking and who acts.
internal sealed class BookingAccessFilter(BookingStore store) : IEndpointFilter
{
    private const string Item = "Ajanvaraus.BookingAccess";

    public static (BookingRow Row, Actor Actor) Of(HttpContext http) => ((BookingRow, Actor))http.Items[Item]!;

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (!Guid.TryParse(http.Request.RouteValues["bookingId"] as string, out var id))
        {
            return TypedResults.NotFound();
        }

        var actor = Actor.Of(http.User);
        var row = actor.IsStaff ? await store.FindAsync(id, http.RequestAborted) : await BookingAccess.FindWithTokenAsync(id, http.Request,
            store, http.RequestAborted);
        if (row is null)
        {
            return TypedResults.NotFound();
        }

        if (actor.IsStaff && !BookingAccess.MayAct(actor, row))
        {
            return BookingAccess.Forbidden("Staff act only on bookings of their own service point (advisers) or provider (agency admins).");
        }

        http.Items[Item] = (row, actor);
        return await next(context);
    }
}
