using Ajanvaraus.Api.Availability;
using System.ComponentModel;
using Ajanvaraus.Api.Hosting;
using Ajanvaraus.Api.Identity;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Ajanvaraus.Api.ServicePoints;

internal static class ClosuresApi
{
    private const string ClosureIdDescription = "The closure's id.";

    public static RouteGroupBuilder MapServicePointClosures(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/service-points/{servicePointId}/closures").WithTags(ServicePointsApi.Tag);

        group.MapGet("/", ListAsync)
            .WithName("ListServicePointClosures")
            .WithSummary("List a service point's closures")
            .WithDescription("Days the point is closed (holidays of its own, renovations), by first day; `from` and `to` keep those overlapping that range of local dates.")
            .AllowAnonymous();

        group.MapGet("/{closureId:guid}", GetAsync)
            .WithName("GetServicePointClosure")
            .WithSummary("Get a closure")
            .WithDescription("A range of local days when the point is closed.")
            .WithExamples(response: Example)
            .AllowAnonymous();

        group.MapPost("/", CreateAsync)
            .WithName("CreateServicePointClosure")
            .WithSummary("Close a service point for some days")
            .WithDescription("No availability is offered at the point from `firstDay` to `lastDay` (local dates, both included). Bookings already made stay.")
            .WithExamples(request: new CreateClosureRequest(Example.FirstDay, Example.LastDay, Example.Reason), response: Example)
            .RequireAuthorization(Policies.Operator);

        group.MapDelete("/{closureId:guid}", DeleteAsync)
            .WithName("DeleteServicePointClosure")
            .WithSummary("Remove a closure")
            .WithDescription("The days open again: the point's availability windows are rebuilt at once.")
            .RequireAuthorization(Policies.Operator);

        return group;
    }

    private static readonly ClosureResponse Example = new(
        Guid.Parse("019a8f3e-5b1c-7d2e-8f40-1a2b3c4d5e6f"), new DateOnly(2026, 12, 24), new DateOnly(2026, 12, 26),
            "Joulu / Jul / Christmas");

    private static async Task<Results<Ok<IReadOnlyList<ClosureResponse>>, NotFound>> ListAsync(
        [Description(ServicePointsApi.PointIdDescription)] string servicePointId,
        [DateInRange, Description("Keep closures whose last day is on or after this local date (`yyyy-MM-dd`).")] DateOnly? from,
        [DateInRange, Description("Keep closures whose first day is on or before this local date (`yyyy-MM-dd`).")] DateOnly? to,
        ServicePointStore points,
        ClosureStore store,
        CancellationToken ct)
    {
        if (await points.FindAsync(servicePointId, ct) is null)
        {
            return TypedResults.NotFound();
        }

        var rows = await store.ListAsync(servicePointId, from, to, ct);
        return TypedResults.Ok<IReadOnlyList<ClosureResponse>>(rows.Select(r => r.ToResponse()).ToList());
    }

    private static async Task<Results<Ok<ClosureResponse>, NotFound>> GetAsync(
        [Description(ServicePointsApi.PointIdDescription)] string servicePointId,
        [Description(ClosureIdDescription)] Guid closureId,
        ClosureStore store,
        CancellationToken ct) =>
        await store.FindAsync(servicePointId, closureId, ct) is { } row ? TypedResults.Ok(row.ToResponse()) : TypedResults.NotFound();

    private static async Task<Results<Created<ClosureResponse>, ValidationProblem, NotFound>> CreateAsync(
        [Description(ServicePointsApi.PointIdDescription)] string servicePointId, CreateClosureRequest body, ClosureStore store,
            WindowMaterializer windows, Data.Db db, CancellationToken ct)
    {
        var (firstDay, lastDay) = (body.FirstDay!.Value, body.LastDay!.Value);
        if (lastDay < firstDay)
        {
            return TypedResults.ValidationProblem(new Dictionary<string,
                string[]> { ["lastDay"] = ["The last day must be on or after the first day."] });
        }

        var row = new ClosureRow(db.NewId(), servicePointId, firstDay, lastDay,
            string.IsNullOrWhiteSpace(body.Reason) ? null : body.Reason);
        if (!await store.InsertAsync(row, ct))
        {
            return TypedResults.NotFound();
        }

        // The closed days leave the published windows now, not at the next daily run.
        await windows.RebuildServicePointAsync(servicePointId, ct);
        return TypedResults.Created($"/api/v1/service-points/{servicePointId}/closures/{row.Id}", row.ToResponse());
    }

    private static async Task<Results<NoContent, NotFound>> DeleteAsync(
        [Description(ServicePointsApi.PointIdDescription)] string servicePointId,
        [Description(ClosureIdDescription)] Guid closureId,
        ClosureStore store,
        WindowMaterializer windows,
        CancellationToken ct)
    {
        var removed = await store.DeleteAsync(servicePointId, closureId, ct);
        if (removed is null)
        {
            return TypedResults.NotFound();
        }

        await windows.RebuildServicePointAsync(servicePointId, ct);
        return TypedResults.NoContent();
    }
}
