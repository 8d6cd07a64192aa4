using Ajanvaraus.Api.Availability;
using Ajanvaraus.Api.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Ajanvaraus.Api.Services;

// The public search over every provider's active services.
internal static class ServiceSearchApi
{
    public static RouteGroupBuilder MapServiceSearch(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/services").WithTags("Services");

        group.MapGet("/", SearchAsync)
            .WithName("SearchServices")
            .WithSummary("Search services")
            .WithDescription("""
                Active services of every provider, ordered by name (in the Accept-Language) and id, narrowed by any of
                `provider`, `servicePoint` (providers
                present at that point), `municipality` (providers present at a point in that municipality) and `channel`.
                `name`, `description` and `providerName` follow Accept-Language.
                """)
            .AllowAnonymous();

        return group;
    }

    private static async Task<Results<Ok<Page<ServiceSummary>>, ValidationProblem>> SearchAsync(
        [AsParameters] ServiceSearchQuery query, [AsParameters] PageQuery page, HttpRequest request, ServiceStore store,
            CancellationToken ct)
    {
        var language = Language.Of(request);
        if (!ServiceCursor.Search.TryRead(page, language, out var after))
        {
            return ListCursor.Invalid();
        }

        var filter = new ServiceFilter(
            query.Provider,
            query.ServicePoint,
            query.Municipality,
            query.Channel is null ? null : ChannelFlags.Parse(query.Channel));
        var rows = await store.SearchAsync(filter, language, after, page.Take + 1, ct);
        return TypedResults.Ok(
            Page<ServiceSummary>.From(rows, page.Take, ServiceCursor.Search.List, row => ServiceCursor.Key(row, language),
                row => row.ToSummary(language)));
    }
}
