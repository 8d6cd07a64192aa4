using Ajanvaraus.Api.Data;
using Ajanvaraus.Api.Hosting;
using Ajanvaraus.Api.Identity;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Ajanvaraus.Api.Providers;

internal static class ProvidersApi
{
    public static RouteGroupBuilder MapProviders(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/providers").WithTags("Providers");

        group.MapGet("/", ListAsync)
            .WithName("ListProviders")
            .WithSummary("List providers")
            .WithDescription("Agencies and municipalities that publish services, ordered by id. Names follow Accept-Language.")
            .AllowAnonymous();

        group.MapGet("/{providerId}", GetAsync)
            .WithName("GetProvider")
            .WithSummary("Get a provider")
            .WithDescription("The provider's names; `name` follows Accept-Language.")
            .WithExamples(response: new ProviderResponse("kela", Example.KelaNames.Fi, Example.KelaNames))
            .AllowAnonymous();

        group.MapPost("/", CreateAsync)
            .WithName("CreateProvider")
            .WithSummary("Create a provider")
            .WithDescription("Operators add an agency or a municipality. The id is a short stable slug (`kela`, `vero`, `mikkeli`); 409 if it exists. `retentionDays`: how long after a booking's end its customer data is kept (absent: Privacy:RetentionDays, 180).")
            .WithExamples(
                request: new CreateProviderRequest("kela", Example.KelaNames),
                response: new ProviderResponse("kela", Example.KelaNames.Fi, Example.KelaNames))
            .ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(Policies.Operator);

        group.MapPut("/{providerId}", UpdateAsync)
            .WithName("UpdateProvider")
            .WithSummary("Rename a provider, set its retention")
            .WithDescription("Replaces the provider's names in all three languages and its retentionDays (absent: the service's default); the id never changes.")
            .RequireAuthorization(Policies.Operator);

        group.MapDelete("/{providerId}", DeleteAsync)
            .WithName("DeleteProvider")
            .WithSummary("Delete a provider")
            .WithDescription("Only a provider nothing refers to (no services, experts, service points or bookings) can be deleted; otherwise 409.")
            .ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(Policies.Operator);

        return group;
    }

    private static class Example
    {
        public static readonly LocalizedText KelaNames = new("Kansaneläkelaitos", "Folkpensionsanstalten",
            "Social Insurance Institution of Finland");
    }

    private static readonly ListCursor Cursor = new("providers");

    private static async Task<Results<Ok<Page<ProviderResponse>>, ValidationProblem>> ListAsync(
        [AsParameters] PageQuery page, HttpRequest request, ProviderStore store, CancellationToken ct)
    {
        if (!Cursor.TryRead(page.Cursor, out var after))
        {
            return ListCursor.Invalid();
        }

        var language = Language.Of(request);
        var rows = await store.ListAsync(after, page.Take + 1, ct);
        return TypedResults.Ok(Page<ProviderResponse>.From(rows, page.Take, Cursor, row => row.Id, row => row.ToResponse(language)));
    }

    private static async Task<Results<Ok<ProviderResponse>, NotFound>> GetAsync(string providerId, HttpRequest request,
        ProviderStore store, CancellationToken ct) =>
        await store.FindAsync(providerId, ct) is { } row
            ? TypedResults.Ok(row.ToResponse(Language.Of(request)))
            : TypedResults.NotFound();

    private static async Task<Results<Created<ProviderResponse>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        CreateProviderRequest body, HttpRequest request, ProviderStore store, CancellationToken ct)
    {
        var row = new ProviderRow(body.Id, body.Names.Fi, body.Names.Sv, body.Names.En) { RetentionDays = body.RetentionDays };
        if (!await store.InsertAsync(row, ct))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Provider exists",
                detail: $"A provider with id '{body.Id}' exists already.");
        }

        return TypedResults.Created($"/api/v1/providers/{row.Id}", row.ToResponse(Language.Of(request)));
    }

    private static async Task<Results<Ok<ProviderResponse>, ValidationProblem, NotFound>> UpdateAsync(
        string providerId, UpdateProviderRequest body, HttpRequest request, ProviderStore store, CancellationToken ct)
    {
        var row = new ProviderRow(providerId, body.Names.Fi, body.Names.Sv, body.Names.En) { RetentionDays = body.RetentionDays };
        return await store.UpdateAsync(row, ct) ? TypedResults.Ok(row.ToResponse(Language.Of(request))) : TypedResults.NotFound();
    }

    private static async Task<Results<NoContent, NotFound, ProblemHttpResult>> DeleteAsync(string providerId, ProviderStore store,
        CancellationToken ct) =>
        await store.DeleteAsync(providerId, ct) switch
        {
            DeleteOutcome.Deleted => TypedResults.NoContent(),
            DeleteOutcome.NotFound => TypedResults.NotFound(),
            _ => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Provider in use",
                detail: "Services, experts, service points or bookings still refer to this provider."),
        };
}
