using System.ComponentModel;
using Ajanvaraus.Api.Hosting;
using Ajanvaraus.Api.Identity;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Ajanvaraus.Api.Bookings;

// What staff record at and after the appointment (check-in, no-show, complete), and every booking's history.
internal static class BookingStatusApi
{
    public static RouteGroupBuilder MapBookingStatus(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/bookings/{bookingId:guid}").WithTags("Bookings")
            .AddEndpointFilter<BookingAccessFilter>()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        MapStatus(group, "/check-in", "CheckInBooking", BookingStatus.CheckedIn, "Check the customer in at the point", """
            From 60 minutes (`Advisers:CheckInEarlyMinutes`) before the start until its end, for in_person and remote_at_point
            appointments that are confirmed. Adviser of the booking's point, agency admin of its provider, operator.
            """);
        MapStatus(group, "/no-show", "MarkBookingNoShow", BookingStatus.NoShow, "Mark that the customer did not come", """
            Only after the start plus `Advisers:NoShowGraceMinutes` (10), for a confirmed booking. The time stays taken.
            """);
        MapStatus(group, "/complete", "CompleteBooking", BookingStatus.Completed, "Mark the appointment completed", """
            After check-in; video and phone appointments (never checked in) by their agency admin or an operator once begun.
            """);

        group.MapGet("/history", HistoryAsync)
            .WithName("GetBookingHistory")
            .WithSummary("Every change of a booking, oldest first")
            .WithDescription("""
                When, what, who (and whether on the customer's behalf), why, and the booking before and after. Staff of the
                booking's point or provider and operators see who acted; with the manage token the citizen sees the same list
                without staff identities.
                """)
            .AllowAnonymous();
        return group;
    }

    private static void MapStatus(RouteGroupBuilder group, string path, string name, BookingStatus to, string summary,
        string description) =>
        group.MapPost(path, (Guid bookingId, BookingStatusRequest? body, HttpContext http, BookingStatusStore statuses, BookingFlow flow,
            CancellationToken ct) =>
                SetAsync(to, body, http, statuses, flow, ct))
            .WithName(name)
            .WithSummary(summary)
            .WithDescription(description + "Any other move between statuses answers 409 naming the current status.")
            .ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(Policies.Staff);

    private static async Task<Results<Ok<BookingResponse>, ProblemHttpResult>> SetAsync(
        BookingStatus to, BookingStatusRequest? body, HttpContext http, BookingStatusStore statuses, BookingFlow flow,
            CancellationToken ct)
    {
        var (row, actor) = BookingAccessFilter.Of(http);
        var change = await statuses.SetAsync(row.Id, to, actor, body?.Reason, ct);
        if (change.Refusal is { } refusal)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: refusal.Title, detail: refusal.Detail);
        }

        return TypedResults.Ok(BookingResponses.From(await flow.ViewAsync(change.Row, ct), Language.Of(http.Request)));
    }

    private static async Task<Ok<IReadOnlyList<BookingHistoryEntryResponse>>> HistoryAsync(
        [Description("The booking id.")] Guid bookingId, HttpContext http, BookingHistory history, BookingStore store, CancellationToken ct)
    {
        var (row, actor) = BookingAccessFilter.Of(http);
        var zone = (await store.FindViewAsync(row.Id, ct))!.Names.Zone;
        var entries = (await history.ListAsync(row.Id, ct)).Select(h => BookingHistoryResponses.From(h, zone, actor.IsStaff)).ToList();
        return TypedResults.Ok<IReadOnlyList<BookingHistoryEntryResponse>>(entries);
    }
}
