using Ajanvaraus.Api.Bookings;
using Ajanvaraus.Api.Data;
using Ajanvaraus.Api.Identity;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Ajanvaraus.Api.Statistics;

internal static class PricesApi
{
    public static RouteGroupBuilder MapPrices(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/compensation").WithTags(TransactionTypesApi.Tag);

        group.MapGet("/prices", ListPricesAsync)
            .WithName("ListTransactionPrices")
            .WithSummary("Unit prices of transaction types per period")
            .WithDescription("Operators see every price; an agency admin the common prices and their agency's own.")
            .RequireAuthorization(StatisticsPolicies.Compensation);

        group.MapPost("/prices", CreatePriceAsync)
            .WithName("CreateTransactionPrice")
            .WithSummary("Set a unit price for a period")
            .WithDescription("""
                The price of one transaction of a type from `validFrom` to `validUntil` (local dates, both inclusive; no end =
                until further notice), for every agency or one (`providerId`, which wins over the common price). A period that
                overlaps another of the same type and agency is 409: end the old one first (delete and add again).
                """)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(Policies.Operator);

        group.MapDelete("/prices/{priceId:guid}", async Task<Results<NoContent, NotFound>> (Guid priceId, PriceStore store,
            CancellationToken ct) => await store.DeletePriceAsync(priceId, ct) ? TypedResults.NoContent() : TypedResults.NotFound())
            .WithName("DeleteTransactionPrice")
            .WithSummary("Delete a unit price")
            .RequireAuthorization(Policies.Operator);

        group.MapGet("/basic-parts", ListBasicPartsAsync)
            .WithName("ListBasicParts")
            .WithSummary("Basic parts per point, agency and period")
            .WithDescription("Operators see every basic part; an agency admin their agency's.")
            .RequireAuthorization(StatisticsPolicies.Compensation);

        group.MapPost("/basic-parts", CreateBasicPartAsync)
            .WithName("CreateBasicPart")
            .WithSummary("Set a point's basic part for an agency and period")
            .WithDescription("""
                The fixed monthly part (perusosa) an agency pays the municipality running the point, from `validFrom` to
                `validUntil` (local dates, both inclusive); a part month is paid by its days. Overlapping periods of the same
                point and agency are 409.
                """)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(Policies.Operator);

        group.MapDelete("/basic-parts/{basicPartId:guid}", async Task<Results<NoContent, NotFound>> (Guid basicPartId, PriceStore store,
            CancellationToken ct) => await store.DeleteBasicPartAsync(basicPartId, ct) ? TypedResults.NoContent() : TypedResults.NotFound())
            .WithName("DeleteBasicPart")
            .WithSummary("Delete a basic part")
            .RequireAuthorization(Policies.Operator);

        return group;
    }

    private static async Task<Ok<PriceListResponse>> ListPricesAsync([AsParameters] PriceQuery query, HttpContext http, PriceStore store,
        CancellationToken ct)
    {
        var actor = Actor.Of(http.User);
        var rows = await store.ListPricesAsync(query.TransactionType, actor.Kind == Actor.AgencyAdmin ? actor.Scope : null, ct);
        return TypedResults.Ok(new PriceListResponse(rows.Select(r => r.ToResponse()).ToList()));
    }

    private static async Task<Ok<BasicPartListResponse>> ListBasicPartsAsync([AsParameters] PriceQuery query, HttpContext http,
        PriceStore store, CancellationToken ct)
    {
        var actor = Actor.Of(http.User);
        var rows = await store.ListBasicPartsAsync(query.ServicePoint, actor.Kind == Actor.AgencyAdmin ? actor.Scope : null, ct);
        return TypedResults.Ok(new BasicPartListResponse(rows.Select(r => r.ToResponse()).ToList()));
    }

    private static async Task<Results<Created<PriceResponse>, ValidationProblem, ProblemHttpResult>> CreatePriceAsync(
        CreatePriceRequest body, PriceStore store, Db db, CancellationToken ct)
    {
        var cents = Money.Cents(body.UnitPrice!.Value);
        if (PeriodErrors(body.ValidFrom!.Value, body.ValidUntil, cents, "unitPrice") is { } errors)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var row = new PriceRow
        {
            Id = db.NewId(), TransactionTypeId = body.TransactionType, ProviderId = body.ProviderId, ValidFrom = body.ValidFrom.Value,
            ValidUntil = body.ValidUntil, UnitPriceCents = cents!.Value,
        };
        return await store.InsertPriceAsync(row, ct) switch
        {
            PriceWrite.Overlaps => Overlaps(),
            PriceWrite.UnknownReference => TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["transactionType"] = ["No such transaction type or provider."],
            }),
            _ => TypedResults.Created($"/api/v1/compensation/prices/{row.Id}", row.ToResponse()),
        };
    }

    private static async Task<Results<Created<BasicPartResponse>, ValidationProblem, ProblemHttpResult>> CreateBasicPartAsync(
        CreateBasicPartRequest body, PriceStore store, Db db, CancellationToken ct)
    {
        var cents = Money.Cents(body.MonthlyAmount!.Value);
        if (PeriodErrors(body.ValidFrom!.Value, body.ValidUntil, cents, "monthlyAmount") is { } errors)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var row = new BasicPartRow
        {
            Id = db.NewId(), ServicePointId = body.ServicePointId, ProviderId = body.ProviderId, ValidFrom = body.ValidFrom.Value,
            ValidUntil = body.ValidUntil, MonthlyAmountCents = cents!.Value,
        };
        return await store.InsertBasicPartAsync(row, ct) switch
        {
            PriceWrite.Overlaps => Overlaps(),
            PriceWrite.UnknownReference => TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["servicePointId"] = ["No such service point or provider."],
            }),
            _ => TypedResults.Created($"/api/v1/compensation/basic-parts/{row.Id}", row.ToResponse()),
        };
    }

    private static Dictionary<string, string[]>? PeriodErrors(DateOnly from, DateOnly? until, long? cents, string amountField)
    {
        var errors = new Dictionary<string, string[]>();
        if (until < from)
        {
            errors["validUntil"] = ["The period ends before it begins."];
        }

        if (cents is null)
        {
            errors[amountField] = ["Give at most two decimals."];
        }

        return errors.Count > 0 ? errors : null;
    }

    private static ProblemHttpResult Overlaps() => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Periods overlap",
        detail: "Another period of the same price overlaps this one.");
}
