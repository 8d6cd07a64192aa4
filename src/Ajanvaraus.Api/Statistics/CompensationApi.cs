using Ajanvaraus.Api.Availability;
using Ajanvaraus.Api.Bookings;
using Ajanvaraus.Api.Hosting;
using Ajanvaraus.Api.ServicePoints;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Ajanvaraus.Api.Statistics;

internal static class CompensationApi
{
    public static RouteHandlerBuilder MapCompensationReport(this IEndpointRouteBuilder app) =>
        app.MapGet("/compensation", GetAsync)
            .WithTags(TransactionTypesApi.Tag)
            .WithName("GetCompensation")
            .WithSummary("The compensation statement of a point for a period")
            .WithDescription("""
                What the municipality running the point invoices each agency for the local Finnish days `from` to `to` (both
                inclusive): per transaction type, walk-in service events and completed bookings at the point (`appointment`)
                times the unit price valid on each day — a price changing mid-period makes two lines — plus the basic part,
                a part month paid by its days. Euros. `Accept: text/csv` answers CSV (UTF-8, `;`, decimal comma). Operators
                see every agency; an agency admin only their own.
                """)
            .WithMetadata(new CsvAlternativeMetadata())
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequireAuthorization(StatisticsPolicies.Compensation);

    private static async Task<Results<Ok<CompensationResponse>, FileContentHttpResult, ValidationProblem, NotFound>> GetAsync(
        [AsParameters] CompensationQuery query, HttpContext http, ServicePointStore points, CompensationStore store, CancellationToken ct)
    {
        var (first, last) = (query.From!.Value, query.To!.Value);
        if (Period.Errors(first, last, StatisticsApi.MaxDays) is { } errors)
        {
            return TypedResults.ValidationProblem(errors);
        }

        if (await points.FindAsync(query.ServicePoint!, ct) is not { } point)
        {
            return TypedResults.NotFound();
        }

        var actor = Actor.Of(http.User);
        var provider = actor.Kind == Actor.AgencyAdmin ? actor.Scope : null;
        var inputs = await store.ReadAsync(point.Id, provider, first, last, LocalTime.StartOfDay(first),
            LocalTime.StartOfDay(last.AddDays(1)), ct);
        var statement = CompensationCalculator.Statement(point.Id, first, last, inputs, Language.Of(http.Request));
        return Csv.Wanted(http.Request)
            ? Csv.File(CompensationCsv.Rows(statement), CompensationCsv.Header, $"compensation-{point.Id}-{first:yyyy-MM-dd}-{last:yyyy-MM-dd}.csv")
            : TypedResults.Ok(statement);
    }
}

// One CSV row per line of the statement: a transaction line or a basic part, with the agency on each row.
internal static class CompensationCsv
{
    public static readonly string[] Header =
        ["servicePointId", "providerId", "providerName", "part", "transactionType", "name", "from", "to", "count", "unitPrice", "amount"];

    public static IEnumerable<IReadOnlyList<object?>> Rows(CompensationResponse s) =>
        s.Agencies.SelectMany(a => a.Transactions.Select(l => (IReadOnlyList<object?>)
            [s.ServicePointId, a.ProviderId, a.ProviderName, "transactions", l.TransactionType, l.Name, l.From, l.To, l.Count, l.UnitPrice,
                l.Amount])
            .Concat(a.BasicParts.Select(p => (IReadOnlyList<object?>)
                [s.ServicePointId, a.ProviderId, a.ProviderName, "basic_part", null, null, p.From, p.To, null, p.MonthlyAmount, p.Amount])));
}
