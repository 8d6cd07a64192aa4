using Ajanvaraus.Api.Hosting;
using Ajanvaraus.Api.Identity;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Ajanvaraus.Api.Statistics;

internal static class TransactionTypesApi
{
    public const string Tag = "Statistics";

    private static readonly ListCursor Cursor = new("transaction-types");

    public static RouteGroupBuilder MapTransactionTypes(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/transaction-types").WithTags(Tag);

        group.MapGet("/", ListAsync)
            .WithName("ListTransactionTypes")
            .WithSummary("List transaction types")
            .WithDescription("""
                The kinds of transaction service events are recorded and priced by, ordered by id: common ones (no `providerId`)
                and agencies' own. `appointment` is the common type completed bookings count under. Any staff member.
                """)
            .RequireAuthorization(Policies.Staff);

        group.MapGet("/{transactionTypeId}", GetAsync)
            .WithName("GetTransactionType")
            .WithSummary("Get a transaction type")
            .RequireAuthorization(Policies.Staff);

        group.MapPost("/", CreateAsync)
            .WithName("CreateTransactionType")
            .WithSummary("Create a transaction type")
            .WithDescription("Operators add a type common to every agency, or one agency's own (`providerId`); 409 if the id exists.")
            .ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(Policies.Operator);

        group.MapPut("/{transactionTypeId}", UpdateAsync)
            .WithName("UpdateTransactionType")
            .WithSummary("Rename a transaction type")
            .WithDescription("Replaces the names in all three languages; the id and the agency never change.")
            .RequireAuthorization(Policies.Operator);

        group.MapDelete("/{transactionTypeId}", DeleteAsync)
            .WithName("DeleteTransactionType")
            .WithSummary("Delete a transaction type")
            .WithDescription("Only a type no service event or price refers to; otherwise 409.")
            .ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(Policies.Operator);

        return group;
    }

    private static async Task<Results<Ok<Page<TransactionTypeResponse>>, ValidationProblem>> ListAsync(
        [AsParameters] TransactionTypeQuery query, [AsParameters] PageQuery page, HttpRequest request, TransactionTypeStore store,
        CancellationToken ct)
    {
        if (!Cursor.TryRead(page.Cursor, out var after))
        {
            return ListCursor.Invalid();
        }

        var rows = await store.ListAsync(query.Provider, after, page.Take + 1, ct);
        var language = Language.Of(request);
        return TypedResults.Ok(Page<TransactionTypeResponse>.From(rows, page.Take, Cursor, r => r.Id, r => r.ToResponse(language)));
    }

    private static async Task<Results<Ok<TransactionTypeResponse>, NotFound>> GetAsync(string transactionTypeId, HttpRequest request,
        TransactionTypeStore store, CancellationToken ct) =>
        await store.FindAsync(transactionTypeId, ct) is { } row ? TypedResults.Ok(row.ToResponse(Language.Of(request))) : TypedResults.NotFound();

    private static async Task<Results<Created<TransactionTypeResponse>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        CreateTransactionTypeRequest body, HttpRequest request, TransactionTypeStore store, CancellationToken ct)
    {
        var row = new TransactionTypeRow
        {
            Id = body.Id, ProviderId = body.ProviderId, NameFi = body.Names.Fi, NameSv = body.Names.Sv, NameEn = body.Names.En,
        };
        return await store.InsertAsync(row, ct) switch
        {
            TypeWrite.Exists => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Transaction type exists",
                detail: $"A transaction type with id '{body.Id}' exists already."),
            TypeWrite.UnknownProvider => TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["providerId"] = ["No such provider."],
            }),
            _ => TypedResults.Created($"/api/v1/transaction-types/{row.Id}", row.ToResponse(Language.Of(request))),
        };
    }

    private static async Task<Results<Ok<TransactionTypeResponse>, ValidationProblem, NotFound>> UpdateAsync(
        string transactionTypeId, UpdateTransactionTypeRequest body, HttpRequest request, TransactionTypeStore store, CancellationToken ct)
    {
        var row = new TransactionTypeRow
        {
            Id = transactionTypeId, NameFi = body.Names.Fi, NameSv = body.Names.Sv, NameEn = body.Names.En,
        };
        return await store.UpdateAsync(row, ct) && await store.FindAsync(transactionTypeId, ct) is { } saved
            ? TypedResults.Ok(saved.ToResponse(Language.Of(request)))
            : TypedResults.NotFound();
    }

    private static async Task<Results<NoContent, NotFound, ProblemHttpResult>> DeleteAsync(string transactionTypeId,
        TransactionTypeStore store, CancellationToken ct) =>
        transactionTypeId == TransactionTypeRow.Appointment
            ? InUse()
            : await store.DeleteAsync(transactionTypeId, ct) switch
            {
                TypeWrite.Done => TypedResults.NoContent(),
                TypeWrite.NotFound => TypedResults.NotFound(),
                _ => InUse(),
            };

    private static ProblemHttpResult InUse() => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict,
        title: "Transaction type in use", detail: "Service events, prices or completed bookings count under this type.");
}
