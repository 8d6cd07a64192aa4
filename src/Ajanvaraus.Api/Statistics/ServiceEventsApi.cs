using System.ComponentModel;
using Ajanvaraus.Api.Advisers;
using Ajanvaraus.Api.Availability;
using Ajanvaraus.Api.Bookings;
using Ajanvaraus.Api.Data;
using Ajanvaraus.Api.Identity;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Ajanvaraus.Api.Statistics;

internal static class ServiceEventsApi
{
    public static RouteGroupBuilder MapServiceEvents(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/service-points/{servicePointId}/service-events").WithTags(TransactionTypesApi.Tag)
            .AddEndpointFilter<PointAccessFilter>()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/", CreateAsync)
            .WithName("CreateServiceEvent")
            .WithSummary("Record a walk-in service event")
            .WithDescription("""
                A walk-in served at the point on an agency's behalf: guidance at the customer terminal (`self_service`), remote
                service on the point's video equipment (`remote_at_point`) or at the counter (`counter`). No personal data.
                Completed bookings count as channel `appointment` by themselves. An adviser of the point or an operator.
                """)
            .RequireAuthorization(StatisticsPolicies.PointStaff);

        group.MapGet("/", DayAsync)
            .WithName("ListServiceEvents")
            .WithSummary("The day's walk-in service events at a point")
            .WithDescription("Ordered by time, in the point's local time. An agency admin sees their own provider's events.")
            .RequireAuthorization(Policies.Staff);

        group.MapDelete("/{eventId:guid}", CorrectAsync)
            .WithName("DeleteServiceEvent")
            .WithSummary("Correct (remove) a service event")
            .WithDescription("""
                The adviser who recorded the event removes it on the same day; it leaves lists and statistics and is kept in an
                audit record. Another caller gets 403, a later day 409.
                """)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(StatisticsPolicies.PointStaff);

        return group;
    }

    private static async Task<Results<Created<ServiceEventResponse>, ValidationProblem>> CreateAsync(
        [Description("The service point id (e.g. `mikkeli`).")] string servicePointId, CreateServiceEventRequest body, HttpContext http,
        ServiceEventStore store, Db db, TimeProvider clock, CancellationToken ct)
    {
        var (point, actor) = PointAccessFilter.Of(http);
        var now = clock.GetUtcNow();
        var fit = await store.FitAsync(point.Id, body.ProviderId, body.TransactionType, body.ServiceId, ct);
        var errors = new Dictionary<string, string[]>();
        if (fit.ProviderServes == 0)
        {
            errors["providerId"] = ["The agency does not serve at this point."];
        }

        if (body.TransactionType == TransactionTypeRow.Appointment)
        {
            errors["transactionType"] = ["Appointments are counted from completed bookings."];
        }
        else if (fit.TypeFits == 0)
        {
            errors["transactionType"] = ["No such transaction type for this agency."];
        }

        if (body.ServiceId is not null && fit.ServiceFits == 0)
        {
            errors["serviceId"] = ["No such service of this agency."];
        }

        if (body.At is { } at && ServiceEventRules.IsInFuture(at, now))
        {
            errors["at"] = ["A service event cannot be in the future."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var row = new ServiceEventRow
        {
            Id = db.NewId(), ServicePointId = point.Id, ProviderId = body.ProviderId, ServiceId = body.ServiceId,
            TransactionTypeId = body.TransactionType, Channel = body.Channel, OccurredAt = (body.At ?? now).ToUniversalTime(),
            Language = body.Language, RecordedByKind = actor.Kind, RecordedById = actor.MadeById, RecordedAt = now,
        };
        await store.InsertAsync(row, ct);
        return TypedResults.Created($"/api/v1/service-points/{point.Id}/service-events/{row.Id}", row.ToResponse(point.TimeZone));
    }

    private static async Task<Ok<ServiceEventDayResponse>> DayAsync(
        [Description("The service point id (e.g. `mikkeli`).")] string servicePointId, [AsParameters] ServiceEventDayQuery query,
        HttpContext http, ServiceEventStore store, TimeProvider clock, CancellationToken ct)
    {
        var (point, actor) = PointAccessFilter.Of(http);
        var day = query.Date ?? LocalTime.DateIn(clock.GetUtcNow(), point.TimeZone);
        var provider = actor.Kind == Actor.AgencyAdmin ? actor.Scope : null;
        var rows = await store.DayAsync(point.Id, LocalTime.StartOfDay(day, point.TimeZone), LocalTime.StartOfDay(day.AddDays(1),
            point.TimeZone), provider, ct);
        return TypedResults.Ok(new ServiceEventDayResponse(point.Id, day, rows.Select(r => r.ToResponse(point.TimeZone)).ToList()));
    }

    private static async Task<Results<NoContent, NotFound, ProblemHttpResult>> CorrectAsync(
        [Description("The service point id (e.g. `mikkeli`).")] string servicePointId, Guid eventId, HttpContext http,
        ServiceEventStore store, TimeProvider clock, CancellationToken ct)
    {
        var (point, actor) = PointAccessFilter.Of(http);
        var row = await store.FindAsync(eventId, ct);
        if (row is null || row.ServicePointId != point.Id)
        {
            return TypedResults.NotFound();
        }

        var now = clock.GetUtcNow();
        if (ServiceEventRules.CheckCorrection(row, actor, now, point.TimeZone) is { } refusal)
        {
            return TypedResults.Problem(statusCode: refusal.Status, title: refusal.Title, detail: refusal.Detail);
        }

        return await store.CorrectAsync(eventId, actor, now, ct) ? TypedResults.NoContent() : TypedResults.NotFound();
    }
}
