using Ajanvaraus.Api.Availability;
using Ajanvaraus.Api.Bookings;
using Ajanvaraus.Api.Identity;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Ajanvaraus.Api.Statistics;

internal static class StatisticsApi
{
    // Two years at most: the reports are read per month, quarter or year.
    public const int MaxDays = 731;

    public static RouteHandlerBuilder MapStatisticsReport(this IEndpointRouteBuilder app) =>
        app.MapGet("/statistics", GetAsync)
            .WithTags(TransactionTypesApi.Tag)
            .WithName("GetStatistics")
            .WithSummary("Service events and bookings per point, agency, channel, transaction type and month")
            .WithDescription("""
                Counts for the local Finnish days `from` to `to` (both inclusive), grouped by the keys of `groupBy`: service
                events (walk-ins plus completed bookings, channel `appointment`), bookings by outcome (completed, no-show,
                cancelled by the customer or by staff) and by who made them (portal, citizen, adviser, other staff),
                utilisation (booked / published minutes) and the median lead time from booking to start. Bookings count by
                the date of the appointment. No personal data. `Accept: text/csv` answers CSV (UTF-8, `;`, decimal comma).
                An operator sees everything, an agency admin their provider's rows, an adviser their point's.
                """)
            .WithMetadata(new CsvAlternativeMetadata())
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .RequireAuthorization(Policies.Staff);

    private static async Task<Results<Ok<StatisticsResponse>, FileContentHttpResult, ValidationProblem, ProblemHttpResult>> GetAsync(
        [AsParameters] StatisticsQuery query, HttpContext http, StatisticsStore store, CancellationToken ct)
    {
        var grouping = StatisticsGrouping.Parse(query.GroupBy, out var keys);
        if (Period.Errors(query.From!.Value, query.To!.Value, MaxDays) is { } errors)
        {
            return TypedResults.ValidationProblem(errors);
        }

        if (grouping is null)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["groupBy"] = [$"Use some of: {string.Join(", ", StatisticsGrouping.Names)}."],
            });
        }

        if (StatisticsScope.Of(Actor.Of(http.User), query.ServicePoint, query.Provider) is not { } scope)
        {
            return BookingAccess.Forbidden("Statistics show an adviser their own point and an agency admin their own provider.");
        }

        var filter = new StatisticsFilter(LocalTime.StartOfDay(query.From.Value), LocalTime.StartOfDay(query.To.Value.AddDays(1)), grouping,
            scope.ServicePointId, scope.ProviderId);
        var response = new StatisticsResponse(query.From.Value, query.To.Value, keys,
            StatisticsTable.Build(await store.ReadAsync(filter, ct), grouping));
        return Csv.Wanted(http.Request)
            ? Csv.File(response.Rows.Select(StatisticsCsv.Fields), StatisticsCsv.Header,
                $"statistics-{response.From:yyyy-MM-dd}-{response.To:yyyy-MM-dd}.csv")
            : TypedResults.Ok(response);
    }
}

// The local period of a report: `to` not before `from`, and not longer than the report allows.
internal static class Period
{
    public static Dictionary<string, string[]>? Errors(DateOnly from, DateOnly to, int maxDays) =>
        to < from ? new() { ["to"] = ["The period ends before it begins."] }
        : to.DayNumber - from.DayNumber + 1 > maxDays ? new() { ["to"] = [$"A period is at most {maxDays} days."] }
        : null;
}

internal static class StatisticsCsv
{
    public static readonly string[] Header =
    [
        "servicePointId", "providerId", "channel", "transactionType", "month", "serviceEvents", "walkInEvents", "bookingsMade",
        "completed", "noShow", "cancelledByCustomer", "cancelledByStaff", "madeByPortal", "madeByCitizen", "madeByAdviser",
        "madeByOtherStaff", "bookedMinutes", "publishedMinutes", "utilisation", "medianLeadTimeMinutes",
    ];

    public static IReadOnlyList<object?> Fields(StatisticsRow r) =>
    [
        r.ServicePointId, r.ProviderId, r.Channel, r.TransactionType, r.Month, r.ServiceEvents, r.WalkInEvents, r.BookingsMade,
        r.Completed, r.NoShow, r.CancelledByCustomer, r.CancelledByStaff, r.MadeByPortal, r.MadeByCitizen, r.MadeByAdviser,
        r.MadeByOtherStaff, r.BookedMinutes, r.PublishedMinutes, r.Utilisation, r.MedianLeadTimeMinutes,
    ];
}
