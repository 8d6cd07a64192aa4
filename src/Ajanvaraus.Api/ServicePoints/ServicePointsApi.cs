using System.ComponentModel;
using Ajanvaraus.Api.Data;
using Ajanvaraus.Api.Hosting;
using Ajanvaraus.Api.Identity;
using Ajanvaraus.Api.Providers;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Ajanvaraus.Api.ServicePoints;

internal static class ServicePointsApi
{
    internal const string Tag = "Service points";
    internal const string PointIdDescription = "The service point's id (a slug such as `mikkeli-yps`).";

    public static RouteGroupBuilder MapServicePoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/service-points").WithTags(Tag);

        group.MapGet("/", ListAsync)
            .WithName("ListServicePoints")
            .WithSummary("List service points")
            .WithDescription("Service points ordered by id, optionally only those in a municipality, where a provider serves, or where a service's provider serves. Texts follow Accept-Language; the municipality name is Swedish for sv, Finnish otherwise.")
            .AllowAnonymous();

        group.MapGet("/{servicePointId}", GetAsync)
            .WithName("GetServicePoint")
            .WithSummary("Get a service point")
            .WithDescription("The point with its opening hours (local time), upcoming closures, providers present and active video rooms.")
            .WithExamples(response: Example.Response)
            .AllowAnonymous();

        group.MapPost("/", CreateAsync)
            .WithName("CreateServicePoint")
            .WithSummary("Create a service point")
            .WithDescription("Operators add a point. The id is a short stable slug; 409 if it exists. `timeZone` is an IANA id (default Europe/Helsinki); `providers` must all exist.")
            .WithExamples(request: Example.Request, response: Example.Response)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(Policies.Operator);

        group.MapPut("/{servicePointId}", UpdateAsync)
            .WithName("UpdateServicePoint")
            .WithSummary("Replace a service point")
            .WithDescription("Replaces everything but the id; opening hours and providers are replaced as a whole, in one transaction. Closures and video rooms are kept.")
            .RequireAuthorization(Policies.Operator);

        group.MapDelete("/{servicePointId}", DeleteAsync)
            .WithName("DeleteServicePoint")
            .WithSummary("Delete a service point")
            .WithDescription("Removes the point with its hours, closures, provider list and video rooms. 409 while bookings, holds or availability rules refer to it.")
            .ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(Policies.Operator);

        return group;
    }

    private static readonly ListCursor Cursor = new("service-points");

    private static async Task<Results<Ok<Page<ServicePointSummary>>, ValidationProblem>> ListAsync(
        [AsParameters] PageQuery page, [AsParameters] ServicePointFilter filter, HttpRequest request, ServicePointStore store, CancellationToken ct)
    {
        if (!Cursor.TryRead(page.Cursor, out var after))
        {
            return ListCursor.Invalid();
        }

        var language = Language.Of(request);
        var rows = await store.ListAsync(filter, after, page.Take + 1, ct);
        return TypedResults.Ok(Page<ServicePointSummary>.From(rows, page.Take, Cursor, row => row.Id, row => row.ToSummary(language)));
    }

    private static async Task<Results<Ok<ServicePointResponse>, NotFound>> GetAsync(
        [Description(PointIdDescription)] string servicePointId, HttpRequest request, ServicePointStore store, TimeProvider clock, CancellationToken ct) =>
        await store.DetailsAsync(servicePointId, clock.GetUtcNow(), ct) is { } details
            ? TypedResults.Ok(details.ToResponse(Language.Of(request)))
            : TypedResults.NotFound();

    private static async Task<Results<Created<ServicePointResponse>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        CreateServicePointRequest body, HttpRequest request, ServicePointStore store, ProviderStore providers, CancellationToken ct)
    {
        var draft = body.ToDraft();
        if (await InvalidAsync(draft, providers, ct) is { } invalid)
        {
            return invalid;
        }

        var row = draft.ToRow(body.Id);
        switch (await store.InsertAsync(row, draft.Hours, draft.ProviderIds, ct))
        {
            case PointWrite.Exists:
                return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Service point exists", detail: $"A service point with id '{body.Id}' exists already.");
            case PointWrite.UnknownProvider:
                return UnknownProviders(draft.ProviderIds);
        }

        // A new point has no closures or video rooms yet.
        var created = new ServicePointDetails(row, draft.Hours, [], draft.ProviderIds.Order(StringComparer.Ordinal).ToList(), []);
        return TypedResults.Created($"/api/v1/service-points/{body.Id}", created.ToResponse(Language.Of(request)));
    }

    private static async Task<Results<Ok<ServicePointResponse>, ValidationProblem, NotFound>> UpdateAsync(
        [Description(PointIdDescription)] string servicePointId, UpdateServicePointRequest body, HttpRequest request,
        ServicePointStore store, ProviderStore providers, TimeProvider clock, Availability.WindowMaterializer windows, CancellationToken ct)
    {
        var draft = body.ToDraft();
        if (await InvalidAsync(draft, providers, ct) is { } invalid)
        {
            return invalid;
        }

        switch (await store.UpdateAsync(draft.ToRow(servicePointId), draft.Hours, draft.ProviderIds, ct))
        {
            case PointWrite.NotFound:
                return TypedResults.NotFound();
            case PointWrite.UnknownProvider:
                return UnknownProviders(draft.ProviderIds);
        }

        // In-person windows follow the opening hours (and the zone): they change at once, not at the next daily run.
        await windows.RebuildServicePointAsync(servicePointId, ct);

        // Read back in full: closures and video rooms are not part of the request but are part of the answer.
        return await store.DetailsAsync(servicePointId, clock.GetUtcNow(), ct) is { } details
            ? TypedResults.Ok(details.ToResponse(Language.Of(request)))
            : TypedResults.NotFound();
    }

    private static async Task<Results<NoContent, NotFound, ProblemHttpResult>> DeleteAsync(
        [Description(PointIdDescription)] string servicePointId, ServicePointStore store, CancellationToken ct) =>
        await store.DeleteAsync(servicePointId, ct) switch
        {
            DeleteOutcome.Deleted => TypedResults.NoContent(),
            DeleteOutcome.NotFound => TypedResults.NotFound(),
            _ => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Service point in use", detail: "Bookings, holds or availability rules still refer to this service point or its video rooms."),
        };

    private static async Task<ValidationProblem?> InvalidAsync(ServicePointDraft draft, ProviderStore providers, CancellationToken ct)
    {
        var errors = ServicePointValidation.Errors(draft);
        var missing = await providers.MissingProvidersAsync(draft.ProviderIds, ct);
        if (missing.Count > 0)
        {
            errors["providers"] = [$"Unknown provider(s): {string.Join(", ", missing)}."];
        }

        return errors.Count > 0 ? TypedResults.ValidationProblem(errors) : null;
    }

    private static ValidationProblem UnknownProviders(IReadOnlyList<string> ids) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["providers"] = [$"A provider of {string.Join(", ", ids)} no longer exists."] });

    private static class Example
    {
        private static readonly LocalizedText Names = new("Mikkelin yhteispalvelupiste", "Samservicestället i S:t Michel", "Mikkeli joint service point");
        private static readonly PostalAddress Address = new("Maaherrankatu 9-11", "50100", "Mikkeli");
        private static readonly OpeningPeriod[] Hours = [new(1, "09:00", "16:00"), new(2, "09:00", "16:00"), new(4, "12:00", "18:00")];
        private static readonly LocalizedLongText Accessibility = new("Esteetön sisäänkäynti pihan puolelta.", "Tillgänglig ingång från gården.", "Step-free entrance from the yard.");

        public static readonly CreateServicePointRequest Request = new(
            "mikkeli-yps", Names, "491", Address, "Europe/Helsinki", Hours, Accessibility, ["kela", "vero", "mikkeli"]);

        public static readonly ServicePointResponse Response = new(
            "mikkeli-yps", Names.Fi, Names, "491", "Mikkeli", Address, "Europe/Helsinki", Hours,
            [new(Guid.Parse("019a8f3e-5b1c-7d2e-8f40-1a2b3c4d5e6f"), new DateOnly(2026, 12, 24), new DateOnly(2026, 12, 26), "Joulu")],
            ["kela", "mikkeli", "vero"],
            [new(Guid.Parse("019a8f3e-6c2d-7e3f-9051-2b3c4d5e6f70"), "Etäpalveluhuone 1", true)],
            Accessibility.Fi, Accessibility);
    }
}
