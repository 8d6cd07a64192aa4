using Ajanvaraus.Api.Data;
using Ajanvaraus.Api.Providers;
using Dapper;

namespace Ajanvaraus.Api.Experts;

// The provider an expert belongs to: what decides who may administer the expert.
internal sealed class ExpertAccess(Db db)
{
    internal const string ProviderOfExpertSql = """
        SELECT ProviderId FROM Experts WHERE Id = @Id
        """;

    // Null for an unknown expert.
    public async Task<string?> ProviderOfAsync(Guid expertId, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        return await c.QuerySingleOrDefaultAsync<string>(new CommandDefinition(ProviderOfExpertSql, new { Id = expertId },
            cancellationToken: ct));
    }
}

// The gate of every /experts/{expertId}/… route: an unknown expert is 404 and another agency's expert 403 before
// any handler runs. Handlers read the expert's provider from ProviderOf.
internal sealed class ExpertAccessFilter(ExpertAccess access) : IEndpointFilter
{
    private const string ProviderItem = "Ajanvaraus.ExpertProvider";

    public static string ProviderOf(HttpContext http) => (string)http.Items[ProviderItem]!;

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var providerId = Guid.TryParse(http.Request.RouteValues["expertId"] as string, out var expertId)
            ? await access.ProviderOfAsync(expertId, http.RequestAborted)
            : null;
        if (providerId is null)
        {
            return TypedResults.NotFound();
        }

        if (!ProviderAccess.Administers(http.User, providerId))
        {
            return TypedResults.Forbid();
        }

        http.Items[ProviderItem] = providerId;
        return await next(context);
    }
}
