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
        var group = app.MapGroup("/bookings/{bookingId:guid}").WithTags("Bookings");

        group.MapPost("/cancel", CancelAsync)
            .WithName("CancelBooking")
            .WithSummary("Cancel a booking with its manage token")
            .WithDescription("""
                Frees the time. Allowed until the service's cancellation cut-off before the start (409 after it, or when the
                booking is no longer confirmed — the problem's title says its state). A wrong token answers 404.
                """)
            .WithExamples(request: new CancelBookingRequest("Estyneenä"))
            .ProducesProblem(StatusCodes.Status409Conflict)
            .AllowAnonymous();

        group.MapPost("/reschedule", RescheduleAsync)
            .WithName("RescheduleBooking")
            .WithSummary("Move a booking to another time with its manage token")
            .WithDescription("""
                Takes the new time and frees the old in one transaction: when the new time is taken (409) or not bookable (400,
                naming the field and why), the booking stays exactly as it was. Allowed until the cancellation cut-off. Channel
                and point default to the booking's own.
                """)
            .WithExamples(request: new RescheduleBookingRequest(
                Guid.Parse("0193a7c2-5b8e-7c3a-9d1e-2f4a6b8c0d2f"), DateTimeOffset.Parse("2026-11-25T13:00:00+02:00"), null, null))
            .ProducesProblem(StatusCodes.Status409Conflict)
            .AllowAnonymous();

        return group;
    }

    private static async Task<Results<Ok<BookingResponse>, NotFound, ProblemHttpResult>> CancelAsync(
        [Description("The booking id.")] Guid bookingId, CancelBookingRequest? body, HttpContext http, BookingStore store,
        ServiceStore services, TimeProvider clock, CancellationToken ct)
    {
        if (await ManageAccess.FindAsync(bookingId, http.Request, store, ct) is not { } row)
        {
            return TypedResults.NotFound();
        }

        if (await RefusalAsync(row, services, clock, ct) is { } refusal)
        {
            return refusal;
        }

        var change = await store.CancelAsync(row.Id, Actor.Of(http.User), body?.Reason, ct);
        return change.Outcome == ChangeOutcome.Done ? await OkAsync(change.Row!, http, store, ct) : BookingProblems.NotConfirmed(change.Row!);
    }

    private static async Task<Results<Ok<BookingResponse>, NotFound, ValidationProblem, ProblemHttpResult>> RescheduleAsync(
        [Description("The booking id.")] Guid bookingId, RescheduleBookingRequest body, HttpContext http,
        BookingStore store, ServiceStore services, SlotChecks slots, IOptions<BookingOptions> options, TimeProvider clock, CancellationToken ct)
    {
        if (await ManageAccess.FindAsync(bookingId, http.Request, store, ct) is not { } row)
        {
            return TypedResults.NotFound();
        }

        if (await RefusalAsync(row, services, clock, ct) is { } refusal)
        {
            return refusal;
        }

        var channel = body.Channel ?? row.ChannelValue;
        var pointId = channel is Channel.InPerson or Channel.RemoteAtPoint ? body.ServicePointId ?? row.ServicePointId : null;
        var (bookable, errors) = await slots.CheckAsync(new SlotAsk(row.ServiceId, body.ExpertId, body.Start, channel, pointId), null, ct);
        if (bookable is null)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var slot = bookable.Slot;
        var moved = row with
        {
            ExpertId = slot.ExpertId,
            StartsAt = slot.Start,
            EndsAt = slot.End,
            Channel = ChannelFlags.Name(slot.Channel),
            ServicePointId = slot.ServicePointId,
            MeetingUrl = slot.Channel == Channel.Video ? row.MeetingUrl ?? options.Value.MeetingUrl(row.Id, row.Reference) : null,
        };
        var reservation = new Reservation(slot.ExpertId, slot.Start, slot.End, bookable.Rooms);
        var change = await store.MoveAsync(moved, reservation, Actor.Of(http.User), ct);
        return change.Outcome switch
        {
            ChangeOutcome.Done => await OkAsync(change.Row!, http, store, ct),
            ChangeOutcome.Taken => BookingProblems.Taken("Someone else has the new time. The booking is unchanged."),
            _ => BookingProblems.NotConfirmed(change.Row!),
        };
    }

    private static async Task<Ok<BookingResponse>> OkAsync(BookingRow row, HttpContext http, BookingStore store, CancellationToken ct) =>
        TypedResults.Ok(BookingResponses.From((await store.FindViewAsync(row.Id, ct))!, Language.Of(http.Request)));

    // A booking can change while it is confirmed and before its service's cut-off.
    private static async Task<ProblemHttpResult?> RefusalAsync(BookingRow row, ServiceStore services, TimeProvider clock, CancellationToken ct)
    {
        if (row.StatusValue != BookingStatus.Confirmed)
        {
            return BookingProblems.NotConfirmed(row);
        }

        var cutoff = (await services.FindAsync(row.ServiceId, ct))?.CancellationCutoffMinutes ?? 0;
        return clock.GetUtcNow() > row.StartsAt.AddMinutes(-cutoff)
            ? TypedResults.Problem(
                statusCode: StatusCodes.Status409Conflict, title: "Too late to change",
                detail: $"This service's bookings can be cancelled or moved until {cutoff / 60.0:0.#} hours before the start.")
            : null;
    }
}
