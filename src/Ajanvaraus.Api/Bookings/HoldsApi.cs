using System.ComponentModel;
using Ajanvaraus.Api.Availability;
using Ajanvaraus.Api.Hosting;
using Ajanvaraus.Api.Identity;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

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
                An expired hold blocks no one. 409 when the time is taken; 400 naming the field and why when it cannot be booked.
                429 when the caller has too many live holds, or anonymous holds already take their share of the service's day
                at the point (RateLimits:Anonymous:HoldShareOfDay, a quarter): the time can still be booked directly.
                """)
            .WithExamples(request: new CreateHoldRequest(
                Guid.Parse("0193a7c2-5b8e-7c3a-9d1e-2f4a6b8c0d1e"), Guid.Parse("0193a7c2-5b8e-7c3a-9d1e-2f4a6b8c0d2f"),
                DateTimeOffset.Parse("2026-11-24T09:00:00+02:00"), Channel.InPerson, "mikkeli"))
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
        CreateHoldRequest body, HttpContext http, BookingFlow flow, HoldStore holds, HoldShare share, CancellationToken ct)
    {
        var ask = new SlotAsk(body.ServiceId, body.ExpertId, body.Start, body.Channel, body.ServicePointId);
        var token = ManageToken.Create();
        ProblemHttpResult? tooMany = null;
        var (held, time, outcome) = await flow.HoldAsync(ask, ManageToken.Hash(token), http.User.PortalClient(), HoldCaps.AddressOf(http),
            async time => (tooMany = await HoldCaps.RefusalAsync(http, holds, ct) ?? await share.RefusalAsync(http, time, ct)) is null, ct);
        return outcome.Result switch
        {
            FlowResult.Done => TypedResults.Created($"/api/v1/holds/{held!.Id}", new HoldResponse(held.Id, token, held.ExpiresAt,
                LocalTime.InZone(held.StartsAt, time!.Zone), LocalTime.InZone(held.EndsAt, time.Zone), time.Channel, held.ServiceId,
                held.ExpertId, held.ServicePointId)),
            FlowResult.Invalid => TypedResults.ValidationProblem(outcome.Errors!),
            FlowResult.OverCap => tooMany!,
            _ => BookingProblems.Taken("Someone else has this time. Search again for a free time."),
        };
    }

    private static async Task<Results<NoContent, NotFound>> ReleaseAsync(
        [Description("The hold id.")] Guid holdId,
        [FromHeader(Name = HoldTokenHeader), Description("The holdToken from the hold's creation.")] string? holdToken,
        HttpContext http, HoldStore holds, CancellationToken ct)
    {
        if (await holds.FindAsync(holdId, ct) is not { } hold || !ManageToken.Matches(holdToken, hold.TokenHash))
        {
            if (!string.IsNullOrEmpty(holdToken))
            {
                http.TokenFailed();
            }

            return TypedResults.NotFound();
        }

        await holds.ReleaseAsync(hold, ct);
        return TypedResults.NoContent();
    }
}
