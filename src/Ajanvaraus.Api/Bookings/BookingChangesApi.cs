using System.ComponentModel;
using Ajanvaraus.Api.Availability;
using Ajanvaraus.Api.Hosting;
using Ajanvaraus.Api.Services;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Ajanvaraus.Api.Bookings;

// What the citizen (or their portal) does with the manage token: cancel and move.
internal static class BookingChangesApi
{
    public static RouteGroupBuilder MapBookingChanges(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/bookings/{bookingId:guid}").WithTags("Bookings")
            .AddEndpointFilter<BookingAccessFilter>()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/cancel", CancelAsync)
            .WithName("CancelBooking")
            .AcceptsManageToken()
            .WithSummary("Cancel a booking with its manage token")
            .WithDescription("""
                Frees the time. With the manage token: allowed until the service's cancellation cut-off before the start (409
                after it). With a staff token (an adviser of the booking's point or of the point where it was made, the agency
                admin of its provider, an operator): a `reason` is required, the cut-off does not apply. 409 when the booking
                is no longer confirmed, has ended or was anonymized — the problem's title says which. A wrong token answers 404.
                """)
            .WithExamples(request: new CancelBookingRequest("Estyneenä"))
            .ProducesProblem(StatusCodes.Status409Conflict)
            .AllowAnonymous();

        group.MapPost("/reschedule", RescheduleAsync)
            .WithName("RescheduleBooking")
            .AcceptsManageToken()
            .WithSummary("Move a booking to another time with its manage token")
            .WithDescription("""
                Takes the new time and frees the old in one transaction: when the new time is taken (409) or not bookable (400,
                naming the field and why), the booking stays exactly as it was. Channel and point default to the booking's own.
                With the manage token: allowed until the cancellation cut-off. With a staff token: a `reason` is required, the
                cut-off and the minimum notice do not apply; an adviser moves visits only to their own point. A booking that
                has ended or was anonymized is not moved (409).
                """)
            .WithExamples(request: new RescheduleBookingRequest(
                Guid.Parse("0193a7c2-5b8e-7c3a-9d1e-2f4a6b8c0d2f"), DateTimeOffset.Parse("2026-11-25T13:00:00+02:00"), null, null))
            .ProducesProblem(StatusCodes.Status409Conflict)
            .AllowAnonymous();

        return group;
    }

    private static async Task<Results<Ok<BookingResponse>, ValidationProblem, ProblemHttpResult>> CancelAsync(
        [Description("The booking id.")] Guid bookingId, CancelBookingRequest? body, HttpContext http, BookingStore store,
        BookingFlow flow, ServiceStore services, TimeProvider clock, CancellationToken ct)
    {
        var (row, actor) = BookingAccessFilter.Of(http);
        if (ReasonMissing(actor, body?.Reason) is { } missing)
        {
            return missing;
        }

        if (await RefusalAsync(row, actor, services, clock, ct) is { } refusal)
        {
            return refusal;
        }

        var change = await store.CancelAsync(row, actor, body?.Reason, ct);
        return change.Outcome switch
        {
            WriteOutcome.Done => TypedResults.Ok(BookingResponses.From(await flow.ViewAsync(change.Row!, ct), Language.Of(http.Request))),
            WriteOutcome.ChangedMeanwhile => BookingProblems.Changed(change.Row!),
            _ => BookingProblems.NotConfirmed(change.Row!),
        };
    }

    private static async Task<Results<Ok<BookingResponse>, ValidationProblem, ProblemHttpResult>> RescheduleAsync(
        [Description("The booking id.")] Guid bookingId, RescheduleBookingRequest body, HttpContext http, BookingFlow flow,
        ServiceStore services, TimeProvider clock, CancellationToken ct)
    {
        var (row, actor) = BookingAccessFilter.Of(http);
        if (ReasonMissing(actor, body.Reason) is { } missing)
        {
            return missing;
        }

        if (await RefusalAsync(row, actor, services, clock, ct) is { } refusal)
        {
            return refusal;
        }

        var outcome = await flow.MoveAsync(row, actor, body, ct);
        return outcome.Result switch
        {
            FlowResult.Done => TypedResults.Ok(BookingResponses.From(outcome.View!, Language.Of(http.Request))),
            FlowResult.Invalid => TypedResults.ValidationProblem(outcome.Errors!),
            FlowResult.Forbidden => BookingAccess.Forbidden(outcome.Detail!),
            FlowResult.ChangedMeanwhile => BookingProblems.Changed(outcome.Row!),
            FlowResult.NotConfirmed => BookingProblems.NotConfirmed(outcome.Row!),
            _ => BookingProblems.Taken("Someone else has the new time. The booking is unchanged."),
        };
    }

    // Staff say why they act for the customer; the history keeps it.
    private static ValidationProblem? ReasonMissing(Actor actor, string? reason) =>
        actor.IsStaff && string.IsNullOrWhiteSpace(reason)
            ? TypedResults.ValidationProblem(new Dictionary<string,
                string[]> { ["reason"] = ["Say why you act for the customer (1-500 characters)."] })
            : null;

    // A booking can change while it is confirmed, before its end, and — for the citizen — before its service's cut-off.
    private static async Task<ProblemHttpResult?> RefusalAsync(BookingRow row, Actor actor, ServiceStore services, TimeProvider clock,
        CancellationToken ct)
    {
        if (row.StatusValue != BookingStatus.Confirmed)
        {
            return BookingProblems.NotConfirmed(row);
        }

        var cutoff = (await services.FindAsync(row.ServiceId, ct))?.CancellationCutoffMinutes ?? 0;
        if (!actor.IsStaff && clock.GetUtcNow() > row.StartsAt.AddMinutes(-cutoff))
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status409Conflict, title: "Too late to change",
                detail: $"This service's bookings can be cancelled or moved until {cutoff / 60.0:0.#} hours before the start.");
        }

        return BookingTransitions.Change(row, clock.GetUtcNow()) is { } over
            ? TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: over.Title, detail: over.Detail)
            : null;
    }
}
