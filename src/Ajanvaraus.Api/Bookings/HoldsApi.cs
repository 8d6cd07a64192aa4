using System.ComponentModel;
using Ajanvaraus.Api.Availability;
using Ajanvaraus.Api.Services;
using Ajanvaraus.Api.Hosting;
using Ajanvaraus.Api.Identity;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Ajanvaraus.Api.Bookings;

internal static class HoldsApi
{
    public const string HoldTokenHeader = "X-Hold-Token";

    public static RouteGroupBuilder MapHolds(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/holds").WithTags("Bookings");

        group.MapPost("/", CreateAsync)
            .WithName("CreateHold")
            .WithSummary("Hold a time while the citizen fills in the form")
            .WithDescription("""
                Reserves the slot (and, for remote_at_point, a video room) for a short time (10 minutes by default). Confirm it
                with POST /api/v1/bookings {holdId, holdToken, customer}; a booking made with a live hold cannot lose the race.
                An expired hold blocks no one. 409 when the time is taken.
                """)
            .WithExamples(
                request: new CreateHoldRequest(Guid.Parse("0193a7c2-5b8e-7c3a-9d1e-2f4a6b8c0d1e"), Guid.Parse("0193a7c2-5b8e-7c3a-9d1e-2f4a6b8c0d2f"), DateTimeOffset.Parse("2026-11-24T09:00:00+02:00"), Channel.InPerson, "mikkeli"))
            .ProducesProblem(StatusCodes.Status409Conflict)
            .AllowAnonymous();

        group.MapDelete("/{holdId:guid}", ReleaseAsync)
            .WithName("ReleaseHold")
            .WithSummary("Release a hold")
            .WithDescription("Frees the held time at once. Needs the hold token in the X-Hold-Token header; a wrong token answers 404.")
            .AllowAnonymous();

        return group;
    }

    private static async Task<Results<Created<HoldResponse>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        CreateHoldRequest body, HttpContext http, ServiceStore services, SlotFinder finder, HoldStore holds, IOptions<BookingOptions> options, TimeProvider clock, CancellationToken ct)
    {
        var errors = BookingRequests.SlotErrors(body.ServiceId, body.ExpertId, body.Start, body.Channel);
        var service = body.ServiceId is { } id && await services.FindAsync(id, ct) is { IsActive: true } active ? active : null;
        if (body.ServiceId is not null && service is null)
        {
            errors["serviceId"] = ["No bookable service has this id."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        if (await finder.FindAsync(service!, body.ExpertId!.Value, body.Start!.Value, body.Channel!.Value, body.ServicePointId, ct) is not { } found)
        {
            return TypedResults.ValidationProblem(BookingRequests.NotBookable());
        }

        var (slot, result, rooms) = found;
        var now = clock.GetUtcNow();
        var token = ManageToken.Create();
        var hold = new HoldRow(
            Guid.CreateVersion7(), ManageToken.Hash(token), service!.Id, slot.ExpertId, slot.ServicePointId, null, ChannelFlags.Name(slot.Channel),
            slot.Start, slot.End, now.AddMinutes(options.Value.HoldMinutes), http.User.PortalClient(), now);
        if (await holds.CreateAsync(hold, new Reservation(slot.ExpertId, slot.Start, slot.End, rooms), ct) is not { } held)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "The time is taken", detail: "Someone else has this time. Search again for a free time.");
        }

        var zone = result.PointZones.GetValueOrDefault(slot.ServicePointId ?? "", LocalTime.Helsinki);
        return TypedResults.Created($"/api/v1/holds/{held.Id}", new HoldResponse(
            held.Id, token, held.ExpiresAt, LocalTime.InZone(held.StartsAt, zone), LocalTime.InZone(held.EndsAt, zone),
            slot.Channel, held.ServiceId, held.ExpertId, held.ServicePointId));
    }

    private static async Task<Results<NoContent, NotFound>> ReleaseAsync(
        [Description("The hold id.")] Guid holdId,
        [FromHeader(Name = HoldTokenHeader), Description("The holdToken from the hold's creation.")] string? holdToken,
        HoldStore holds, CancellationToken ct)
    {
        var hold = await holds.FindAsync(holdId, ct);
        if (hold is null || holdToken is null || !ManageToken.Matches(holdToken, hold.TokenHash))
        {
            return TypedResults.NotFound();
        }

        await holds.ReleaseAsync(holdId, ct);
        return TypedResults.NoContent();
    }
}
