using System.ComponentModel;
using System.Text.Json;
using Ajanvaraus.Api.Availability;
using Ajanvaraus.Api.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Ajanvaraus.Api.Bookings;

internal static class BookingsApi
{
    public static RouteGroupBuilder MapBookings(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/bookings").WithTags("Bookings");

        group.MapPost("/", CreateAsync)
            .WithName("CreateBooking")
            .RequiresHeader(IdempotentRequest.Header)
            .WithSummary("Book a time")
            .WithDescription("""
                Books a slot found with /api/v1/availability — or confirms a hold (holdId + holdToken, and none of the time's
                fields: the hold fixes them). Requires an `Idempotency-Key` header (a UUID): the same key with the same body
                answers 201 again with the same booking (as it is now) and its manage token — to the same caller only: the same
                portal or staff member, or for citizens the same address (an IPv6 /64); from another, and with another body, it
                answers 422 without the booking. A time someone else got first answers 409; a time that cannot be booked
                answers 400 naming the field and why. The
                answer carries the `manageToken`, shown only here: the citizen manages the booking with it (X-Manage-Token
                header or ?token=). With a staff token (adviser, agency admin, operator) it books for a walk-in: a name is
                enough as contact and the minimum notice does not apply (the horizon does); an adviser books visits only at
                their own point and an agency admin only their provider's services (403 otherwise).
                """)
            .WithExamples(request: Examples.CreateRequest, response: Examples.Response)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .AllowAnonymous();

        group.MapGet("/{bookingId:guid}", GetAsync)
            .WithName("GetBooking")
            .AcceptsManageToken()
            .WithSummary("Get a booking with its manage token")
            .WithDescription("""
                With the manage token (X-Manage-Token or ?token=), or a staff token: an adviser of the booking's point, the
                agency admin of its provider, an operator. A wrong or missing manage token answers 404, giving no hint whether
                the booking exists; another point's or provider's booking answers 403 to staff.
                """)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithExamples(response: Examples.Response with { ManageToken = null })
            .AddEndpointFilter<BookingAccessFilter>()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .AllowAnonymous();

        return group;
    }

    private static async Task<Results<Created<BookingResponse>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        CreateBookingRequest body,
        [FromHeader(Name = IdempotentRequest.Header),
            Description("A unique key per booking attempt (e.g. a UUID); retries send the same key.")]
        string? idempotencyKey,
        HttpContext http, BookingFlow flow, IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(idempotencyKey) || idempotencyKey.Length > 200)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                [IdempotentRequest.Header] = ["Send a unique Idempotency-Key header (1-200 characters) with every booking."],
            });
        }

        // A hold's token travels in the body, where the wrong-token lock's middleware cannot see it.
        if (body.HoldId is not null && http.TokenLockRefusal() is { } locked)
        {
            return locked;
        }

        var actor = Actor.Of(http.User);
        // Keys are per caller: a portal's own, staff by subject, every citizen in one scope (as before staff could book).
        var scope = actor == Actor.Citizen ? "anonymous" : actor.Id ?? actor.Kind;
        var canonical = JsonSerializer.Serialize(body, json.Value.SerializerOptions);
        var key = IdempotentRequest.For(scope, idempotencyKey, "POST", "/api/v1/bookings", canonical,
            actor == Actor.Citizen ? ClientAddress.Of(http) : null);
        var outcome = await flow.BookAsync(body, actor, key, ct);
        if (outcome.Result == FlowResult.WrongHoldToken)
        {
            http.TokenFailed();
        }

        return outcome.Result switch
        {
            FlowResult.Done => TypedResults.Created(BookingResponses.Location(outcome.View!.Booking.Id),
                BookingResponses.From(outcome.View, Language.Of(http.Request), outcome.ManageToken)),
            FlowResult.Invalid or FlowResult.WrongHoldToken => TypedResults.ValidationProblem(outcome.Errors!),
            FlowResult.Forbidden => BookingAccess.Forbidden(outcome.Detail!),
            FlowResult.KeyReused => TypedResults.Problem(
                statusCode: StatusCodes.Status422UnprocessableEntity, title: "Idempotency-Key reused",
                detail: "This Idempotency-Key was used with a different request. Use a new key for a new booking."),
            FlowResult.OtherClient => TypedResults.Problem(
                statusCode: StatusCodes.Status422UnprocessableEntity, title: "Idempotency-Key reused",
                detail: "This Idempotency-Key was used by another client. Use a new key for a new booking."),
            FlowResult.InProgress => TypedResults.Problem(
                statusCode: StatusCodes.Status409Conflict, title: "Request in progress",
                detail: "A request with this Idempotency-Key is still being processed; retry shortly."),
            _ => BookingProblems.Taken("Someone else booked this time first. Search again for a free time."),
        };
    }

    private static async Task<Ok<BookingResponse>> GetAsync(
        [Description("The booking id.")] Guid bookingId, HttpContext http, BookingStore store, CancellationToken ct) =>
        TypedResults.Ok(BookingResponses.From((await store.FindViewAsync(bookingId, ct))!, Language.Of(http.Request)));

    private static class Examples
    {
        private static readonly Guid Service = Guid.Parse("0193a7c2-5b8e-7c3a-9d1e-2f4a6b8c0d1e");
        private static readonly Guid Expert = Guid.Parse("0193a7c2-5b8e-7c3a-9d1e-2f4a6b8c0d2f");
        private static readonly Guid Booking = Guid.Parse("0193a7d0-0000-7000-8000-000000000001");

        public static readonly CreateBookingRequest CreateRequest = new(
            Service, Expert, DateTimeOffset.Parse("2026-11-24T09:00:00+02:00"), Channel.InPerson, "mikkeli", null, null,
            new CustomerRequest("Maija Meikäläinen", "maija@example.fi", "040 123 4567", "fi"), "Asunnon vuokrasopimus mukana.");

        public static readonly BookingResponse Response = new(
            Booking, "KM4T-7HQX", BookingStatus.Confirmed, Service, "Asumistuen neuvonta", "kela", "Kela", Expert, "Kela-asiantuntija Anna",
            Channel.InPerson, DateTimeOffset.Parse("2026-11-24T09:00:00+02:00"), DateTimeOffset.Parse("2026-11-24T09:45:00+02:00"),
                "mikkeli",
            new BookingPlace("mikkeli", "Mikkelin asiointipiste", "Maaherrankatu 9", "50100", "Mikkeli"), null,
            new CustomerResponse("Maija Meikäläinen", "maija@example.fi", "+358401234567", "fi"), "Asunnon vuokrasopimus mukana.", 0, null,
            "q3Vb0x9yR2mN7kP4sT8wZ1cF6hJ5dL0aE3gU9iO2nMs", "Ota mukaan vuokrasopimus ja tuloselvitys.",
            new BookingLinks(
                $"/api/v1/bookings/{Booking}", $"/api/v1/bookings/{Booking}/cancel", $"/api/v1/bookings/{Booking}/reschedule",
                $"/api/v1/bookings/{Booking}/calendar.ics"));
    }
}
