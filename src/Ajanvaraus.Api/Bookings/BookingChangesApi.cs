using System.ComponentModel;
using Ajanvaraus.Api.Availability;
using Ajanvaraus.Api.Services;
using Ajanvaraus.Api.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Ajanvaraus.Api.Bookings;

/// <summary>What the citizen (or their portal) does with the manage token: cancel and move.</summary>
internal static class BookingChangesApi
{
    public static RouteGroupBuilder MapBookingChanges(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/bookings/{bookingId:guid}").WithTags("Bookings");

        group.MapPost("/cancel", CancelAsync)
            .WithName("CancelBooking")
            .AcceptsManageToken()
            .WithSummary("Cancel a booking with its manage token")
            .WithDescription("Frees the time. Allowed until the service's cancellation cut-off before the start (409 after it, or when already cancelled). A wrong token answers 404.")
            .WithExamples(request: new CancelBookingRequest("Estyneenä"))
            .ProducesProblem(StatusCodes.Status409Conflict)
            .AllowAnonymous();

        group.MapPost("/reschedule", RescheduleAsync)
            .WithName("RescheduleBooking")
            .AcceptsManageToken()
            .WithSummary("Move a booking to another time with its manage token")
            .WithDescription("""
                Takes the new time and frees the old in one transaction: when the new time is taken (409) or not bookable (400),
                the booking stays exactly as it was. Allowed until the cancellation cut-off. Channel and point default to the
                booking's own.
                """)
            .WithExamples(request: new RescheduleBookingRequest(Guid.Parse("0193a7c2-5b8e-7c3a-9d1e-2f4a6b8c0d2f"), DateTimeOffset.Parse("2026-11-25T13:00:00+02:00"), null, null))
            .ProducesProblem(StatusCodes.Status409Conflict)
            .AllowAnonymous();

        return group;
    }

    private static async Task<Results<Ok<BookingResponse>, NotFound, ProblemHttpResult>> CancelAsync(
        [Description("The booking id.")] Guid bookingId, CancelBookingRequest? body, HttpContext http, BookingStore store, ServiceStore services, SlotFinder finder, TimeProvider clock, CancellationToken ct)
    {
        if (await BookingResponses.WithTokenAsync(bookingId, http.Request, store, ct) is not { } row)
        {
            return TypedResults.NotFound();
        }

        if (await Refusal(row, services, clock, ct) is { } refusal)
        {
            return refusal;
        }

        var cancelled = await store.CancelAsync(row, BookingResponses.ActorOf(http.User), body?.Reason, ct);
        return cancelled is null
            ? NotConfirmed()
            : TypedResults.Ok(BookingResponses.From(cancelled, await finder.ZoneAsync(cancelled.ServicePointId, ct)));
    }

    private static async Task<Results<Ok<BookingResponse>, NotFound, ValidationProblem, ProblemHttpResult>> RescheduleAsync(
        [Description("The booking id.")] Guid bookingId, RescheduleBookingRequest body, HttpContext http,
        BookingStore store, ServiceStore services, SlotFinder finder, IOptions<BookingOptions> options, TimeProvider clock, CancellationToken ct)
    {
        if (await BookingResponses.WithTokenAsync(bookingId, http.Request, store, ct) is not { } row)
        {
            return TypedResults.NotFound();
        }

        if (await Refusal(row, services, clock, ct) is { } refusal)
        {
            return refusal;
        }

        if (!UnitMath.IsOnUnitBoundary(body.Start!.Value))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["start"] = ["Times start on whole 5 minutes."] });
        }

        var channel = body.Channel ?? row.ChannelValue;
        var atPoint = channel is Channel.InPerson or Channel.RemoteAtPoint;
        var pointId = atPoint ? body.ServicePointId ?? row.ServicePointId : null;
        var service = await services.FindAsync(row.ServiceId, ct) is { IsActive: true } active ? active : null;
        if (service is null || await finder.FindAsync(service, body.ExpertId!.Value, body.Start.Value, channel, pointId, ct) is not { } found)
        {
            return TypedResults.ValidationProblem(BookingRequests.NotBookable());
        }

        var (slot, result, rooms) = found;
        var moved = row with
        {
            ExpertId = slot.ExpertId,
            StartsAt = slot.Start,
            EndsAt = slot.End,
            Channel = ChannelFlags.Name(slot.Channel),
            ServicePointId = slot.ServicePointId,
            MeetingUrl = slot.Channel == Channel.Video ? row.MeetingUrl ?? options.Value.MeetingUrl(row.Id, row.Reference) : null,
        };
        var write = await store.MoveAsync(row, moved, new Reservation(slot.ExpertId, slot.Start, slot.End, rooms), BookingResponses.ActorOf(http.User), ct);
        if (write.Status != WriteStatus.Done)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "The time is taken", detail: "Someone else has the new time. The booking is unchanged.");
        }

        return TypedResults.Ok(BookingResponses.From(write.Row!, result.PointZones.GetValueOrDefault(slot.ServicePointId ?? "", LocalTime.Helsinki)));
    }

    // A booking can change while it is confirmed and before its service's cut-off.
    private static async Task<ProblemHttpResult?> Refusal(BookingRow row, ServiceStore services, TimeProvider clock, CancellationToken ct)
    {
        if (row.StatusValue != BookingStatus.Confirmed)
        {
            return NotConfirmed();
        }

        var cutoff = (await services.FindAsync(row.ServiceId, ct))?.CancellationCutoffMinutes ?? 0;
        return clock.GetUtcNow() > row.StartsAt.AddMinutes(-cutoff)
            ? TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Too late to change", detail: $"This service's bookings can be cancelled or moved until {cutoff / 60.0:0.#} hours before the start.")
            : null;
    }

    private static ProblemHttpResult NotConfirmed() =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Booking is not confirmed", detail: "Only a confirmed booking can be cancelled or moved.");
}
