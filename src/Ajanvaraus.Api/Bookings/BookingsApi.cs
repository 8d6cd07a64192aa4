using System.ComponentModel;
using System.Text.Json;
using Ajanvaraus.Api.Availability;
using Ajanvaraus.Api.Services;
using Ajanvaraus.Api.Hosting;
using Ajanvaraus.Api.Identity;
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
                Books a slot found with /api/v1/availability — or confirms a hold (holdId + holdToken). Requires an
                `Idempotency-Key` header: the same key with the same body replays the first answer; with another body it
                answers 422. A time someone else got first answers 409. The answer carries the `manageToken`, shown only here:
                the citizen manages the booking with it (X-Manage-Token header or ?token=).
                """)
            .WithExamples(request: Examples.CreateRequest, response: Examples.Response)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .AllowAnonymous();

        group.MapGet("/{bookingId:guid}", GetAsync)
            .WithName("GetBooking")
            .AcceptsManageToken()
            .WithSummary("Get a booking with its manage token")
            .WithDescription("A wrong or missing manage token answers 404, giving no hint whether the booking exists.")
            .WithExamples(response: Examples.Response with { ManageToken = null })
            .AllowAnonymous();

        return group;
    }

    private static async Task<Results<Created<BookingResponse>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        CreateBookingRequest body,
        [FromHeader(Name = IdempotentRequest.Header), Description("A unique key per booking attempt (e.g. a UUID); retries send the same key.")] string? idempotencyKey,
        HttpContext http, ServiceStore services, SlotFinder finder, BookingStore store, HoldStore holds, IOptions<BookingOptions> options, IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json, TimeProvider clock, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(idempotencyKey) || idempotencyKey.Length > 200)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [IdempotentRequest.Header] = ["Send a unique Idempotency-Key header (1-200 characters) with every booking."] });
        }

        var portal = http.User.PortalClient();
        var idempotent = IdempotentRequest.For(portal ?? "anonymous", idempotencyKey, "POST", "/api/v1/bookings", JsonSerializer.Serialize(body, json.Value.SerializerOptions));
        if (await store.ReplayAsync(idempotent, ct) is { } earlier)
        {
            return Replay(earlier, json.Value.SerializerOptions);
        }

        var hold = body.HoldId is { } holdId ? await holds.FindAsync(holdId, ct) : null;
        if (body.HoldId is not null && (hold is null || body.HoldToken is null || !ManageToken.Matches(body.HoldToken, hold.TokenHash)))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["holdId"] = ["No hold with this id and token."] });
        }

        var serviceId = hold?.ServiceId ?? body.ServiceId;
        var expertId = hold?.ExpertId ?? body.ExpertId;
        var start = hold?.StartsAt ?? body.Start;
        var channel = hold is null ? body.Channel : ChannelFlags.Parse(hold.Channel);
        var pointId = hold is null ? body.ServicePointId : hold.ServicePointId;
        var errors = BookingRequests.SlotErrors(serviceId, expertId, start, channel);
        string? phone = null;
        if (channel is { } c)
        {
            foreach (var (field, messages) in BookingRequests.CustomerErrors(body.Customer, c, out phone))
            {
                errors[field] = messages;
            }
        }

        var service = serviceId is { } sid && await services.FindAsync(sid, ct) is { IsActive: true } active ? active : null;
        if (serviceId is not null && service is null)
        {
            errors["serviceId"] = ["No bookable service has this id."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var liveHold = hold is not null && hold.ExpiresAt > clock.GetUtcNow();
        if (await finder.FindAsync(service!, expertId!.Value, start!.Value, channel!.Value, pointId, ct, liveHold ? hold!.CreatedAt : null) is not { } found)
        {
            return TypedResults.ValidationProblem(BookingRequests.NotBookable());
        }

        var (slot, result, rooms) = found;
        var token = ManageToken.Create();
        var id = Guid.CreateVersion7();
        var reference = BookingReference.Create();
        var now = clock.GetUtcNow();
        var row = new BookingRow
        {
            Id = id,
            Reference = reference,
            ProviderId = service!.ProviderId,
            ServiceId = service.Id,
            ExpertId = slot.ExpertId,
            ServicePointId = slot.ServicePointId,
            Channel = ChannelFlags.Name(slot.Channel),
            StartsAt = slot.Start,
            EndsAt = slot.End,
            CustomerName = body.Customer.Name.Trim(),
            CustomerEmail = body.Customer.Email?.Trim(),
            CustomerPhone = phone,
            CustomerLanguage = body.Customer.Language,
            Notes = body.Notes,
            MeetingUrl = slot.Channel == Channel.Video ? options.Value.MeetingUrl(id, reference) : null,
            ManageTokenHash = ManageToken.Hash(token),
            MadeByKind = portal is null ? "citizen" : "portal",
            MadeById = portal,
            CreatedAt = now,
            UpdatedAt = now,
        };
        var candidateRooms = hold?.VideoRoomId is { } held ? [held, .. rooms.Where(r => r != held)] : rooms;
        var zone = result.PointZones.GetValueOrDefault(slot.ServicePointId ?? "", LocalTime.Helsinki);
        var write = await store.CreateAsync(row, new Reservation(slot.ExpertId, slot.Start, slot.End, candidateRooms), hold?.Id, idempotent,
            created => (Location(created.Id), JsonSerializer.Serialize(BookingResponses.From(created, zone, token), json.Value.SerializerOptions)), ct);

        return write.Status switch
        {
            WriteStatus.Done => TypedResults.Created(Location(write.Row!.Id), BookingResponses.From(write.Row, zone, token)),
            WriteStatus.Taken => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "The time is taken", detail: "Someone else booked this time first. Search again for a free time."),
            _ => Replay(write.Replay!, json.Value.SerializerOptions),
        };
    }

    private static async Task<Results<Ok<BookingResponse>, NotFound>> GetAsync(
        [Description("The booking id.")] Guid bookingId, HttpRequest request, BookingStore store, SlotFinder finder, CancellationToken ct)
    {
        if (await BookingResponses.WithTokenAsync(bookingId, request, store, ct) is not { } row)
        {
            return TypedResults.NotFound();
        }

        return TypedResults.Ok(BookingResponses.From(row, await finder.ZoneAsync(row.ServicePointId, ct)));
    }

    private static Results<Created<BookingResponse>, ValidationProblem, ProblemHttpResult> Replay(IdempotentReplay replay, JsonSerializerOptions json) => replay switch
    {
        { SameRequest: false } => TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: "Idempotency-Key reused", detail: "This Idempotency-Key was used with a different request. Use a new key for a new booking."),
        { Body: null } => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Request in progress", detail: "A request with this Idempotency-Key is still being processed; retry shortly."),
        _ => TypedResults.Created(replay.Location, JsonSerializer.Deserialize<BookingResponse>(replay.Body, json)),
    };

    private static string Location(Guid id) => BookingResponses.Location(id);

    private static class Examples
    {
        private static readonly Guid Service = Guid.Parse("0193a7c2-5b8e-7c3a-9d1e-2f4a6b8c0d1e");
        private static readonly Guid Expert = Guid.Parse("0193a7c2-5b8e-7c3a-9d1e-2f4a6b8c0d2f");
        private static readonly Guid Booking = Guid.Parse("0193a7d0-0000-7000-8000-000000000001");

        public static readonly CreateBookingRequest CreateRequest = new(
            Service, Expert, DateTimeOffset.Parse("2026-11-24T09:00:00+02:00"), Channel.InPerson, "mikkeli", null, null,
            new CustomerRequest("Maija Meikäläinen", "maija@example.fi", "040 123 4567", "fi"), "Asunnon vuokrasopimus mukana.");

        public static readonly BookingResponse Response = new(
            Booking, "KM4T-7HQX", BookingStatus.Confirmed, Service, "kela", Expert, Channel.InPerson,
            DateTimeOffset.Parse("2026-11-24T09:00:00+02:00"), DateTimeOffset.Parse("2026-11-24T09:45:00+02:00"), "mikkeli", null,
            new CustomerResponse("Maija Meikäläinen", "maija@example.fi", "+358401234567", "fi"), "Asunnon vuokrasopimus mukana.", 0,
            "q3Vb0x9yR2mN7kP4sT8wZ1cF6hJ5dL0aE3gU9iO2nMs",
            new BookingLinks($"/api/v1/bookings/{Booking}", $"/api/v1/bookings/{Booking}/cancel", $"/api/v1/bookings/{Booking}/reschedule", $"/api/v1/bookings/{Booking}/calendar.ics"));
    }
}
