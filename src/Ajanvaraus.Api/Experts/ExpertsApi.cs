using System.ComponentModel;
using Ajanvaraus.Api.Data;
using Ajanvaraus.Api.Hosting;
using Ajanvaraus.Api.Identity;
using Ajanvaraus.Api.Providers;
using Ajanvaraus.Api.Services;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Ajanvaraus.Api.Experts;

// A provider's experts: agency data, read and written only by that provider's own admins.
internal static class ExpertsApi
{
    private const string ProviderIdText = "The provider's id (e.g. `kela`).";
    private const string ExpertIdText = "The expert's id.";

    public static RouteGroupBuilder MapExperts(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/providers/{providerId}/experts").WithTags("Experts")
            .RequireAuthorization(Policies.AgencyAdmin).RequireOwnProvider();

        group.MapGet("/", ListAsync)
            .WithName("ListExperts")
            .WithSummary("List a provider's experts")
            .WithDescription("The provider's experts, ordered by id, with their languages and services. Agency admins of that provider only.");

        group.MapGet("/{expertId:guid}", GetAsync)
            .WithName("GetExpert")
            .WithSummary("Get an expert")
            .WithDescription("The expert with languages and services; 404 when the provider has no such expert.")
            .WithExamples(response: Example.Expert.ToResponse());

        group.MapPost("/", CreateAsync)
            .WithName("CreateExpert")
            .WithSummary("Create an expert")
            .WithDescription("Adds an expert to the admin's own provider. `serviceIds` must name active services of that provider; any other id is a 400 naming `serviceIds`.")
            .WithExamples(request: Example.Request, response: Example.Expert.ToResponse());

        group.MapPut("/{expertId:guid}", UpdateAsync)
            .WithName("UpdateExpert")
            .WithSummary("Replace an expert")
            .WithDescription("Replaces the display name, languages and services in one transaction; nothing changes when the request is refused.");

        group.MapDelete("/{expertId:guid}", DeleteAsync)
            .WithName("DeleteExpert")
            .WithSummary("Delete an expert")
            .WithDescription($"""
                Deletes the expert with their availability rules and absences. {CatalogueProblems.FutureBookingsDescription}
                Also 409 while past bookings (or holds) refer to the expert.
                """)
            .ProducesProblem(StatusCodes.Status409Conflict);

        return group;
    }

    // `GET /experts/{expertId}`: an expert by id alone (the other /experts/{expertId}/... routes belong to
    // availability).
    public static RouteGroupBuilder MapExpertLookup(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/experts").WithTags("Experts");

        group.MapGet("/{expertId:guid}", LookupAsync)
            .WithName("GetExpertById")
            .WithSummary("Get an expert by id")
            .WithDescription("The same as `GET /providers/{providerId}/experts/{expertId}` without knowing the provider. Agency admins of the expert's provider only.")
            .WithExamples(response: Example.Expert.ToResponse())
            .AddEndpointFilter<ExpertAccessFilter>()
            .RequireAuthorization(Policies.AgencyAdmin);

        return group;
    }

    private static readonly ListCursor Cursor = new("experts");

    private static async Task<Results<Ok<Page<ExpertResponse>>, ValidationProblem, NotFound>> ListAsync(
        [Description(ProviderIdText)] string providerId, [AsParameters] PageQuery page,
        ProviderStore providers, ExpertStore store, CancellationToken ct)
    {
        if (!Cursor.TryReadGuid(page.Cursor, out var after))
        {
            return ListCursor.Invalid();
        }

        if (await providers.FindAsync(providerId, ct) is null)
        {
            return TypedResults.NotFound();
        }

        var rows = await store.ListAsync(providerId, after, page.Take + 1, ct);
        return TypedResults.Ok(Page<ExpertResponse>.From(rows, page.Take, Cursor, row => row.Id.ToString(), row => row.ToResponse()));
    }

    private static async Task<Results<Ok<ExpertResponse>, NotFound>> GetAsync(
        [Description(ProviderIdText)] string providerId, [Description(ExpertIdText)] Guid expertId,
        ExpertStore store, CancellationToken ct)
    {
        return await store.FindAsync(expertId, ct) is { } row && row.ProviderId == providerId
            ? TypedResults.Ok(row.ToResponse())
            : TypedResults.NotFound();
    }

    private static async Task<Results<Ok<ExpertResponse>, NotFound>> LookupAsync(
        [Description(ExpertIdText)] Guid expertId, ExpertStore store, CancellationToken ct)
    {
        // ExpertAccessFilter has answered 404 or 403 already; a delete in between still finds nothing.
        return await store.FindAsync(expertId, ct) is { } row ? TypedResults.Ok(row.ToResponse()) : TypedResults.NotFound();
    }

    private static async Task<Results<Created<ExpertResponse>, ValidationProblem, NotFound>> CreateAsync(
        [Description(ProviderIdText)] string providerId, ExpertRequest body,
        ProviderStore providers, ExpertStore store, Data.Db db, CancellationToken ct)
    {
        if (await providers.FindAsync(providerId, ct) is null)
        {
            return TypedResults.NotFound();
        }

        var row = ExpertRow.From(db.NewId(), providerId, body);
        return await store.InsertAsync(row, ct) == ExpertSave.Saved
            ? TypedResults.Created($"/api/v1/providers/{providerId}/experts/{row.Id}", row.ToResponse())
            : UnknownServices();
    }

    private static async Task<Results<Ok<ExpertResponse>, ValidationProblem, NotFound>> UpdateAsync(
        [Description(ProviderIdText)] string providerId, [Description(ExpertIdText)] Guid expertId, ExpertRequest body,
        ExpertStore store, CancellationToken ct)
    {
        var row = ExpertRow.From(expertId, providerId, body);
        return await store.UpdateAsync(row, ct) switch
        {
            ExpertSave.Saved => TypedResults.Ok(row.ToResponse()),
            ExpertSave.NotFound => TypedResults.NotFound(),
            _ => UnknownServices(),
        };
    }

    private static async Task<Results<NoContent, NotFound, ProblemHttpResult>> DeleteAsync(
        [Description(ProviderIdText)] string providerId, [Description(ExpertIdText)] Guid expertId,
        ExpertStore store, CancellationToken ct)
    {
        return await store.DeleteAsync(providerId, expertId, ct) switch
        {
            (DeleteOutcome.Deleted, _) => TypedResults.NoContent(),
            (DeleteOutcome.NotFound, _) => TypedResults.NotFound(),
            (DeleteOutcome.Booked, var count) => CatalogueProblems.StillBooked("expert", count),
            _ => TypedResults.Problem(
                statusCode: StatusCodes.Status409Conflict, title: "Expert in use",
                    detail: "Past bookings or holds still refer to this expert."),
        };
    }

    private static ValidationProblem UnknownServices() =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]>
        {
            ["serviceIds"] = ["Every id must name an active service of this provider."],
        });

    private static class Example
    {
        private static readonly Guid HousingAllowance = Guid.Parse("019a4f6e-2b7c-7d3e-9a41-6c2f0e8b5d17");

        public static readonly ExpertRequest Request = new("Anna K.", ["fi", "sv", "en"], [HousingAllowance]);

        public static readonly ExpertRow Expert = ExpertRow.From(Guid.Parse("019a4f70-5c1d-7e2a-8b36-1d9e4f7a2c60"), "kela", Request);
    }
}
