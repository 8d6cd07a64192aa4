using System.Security.Claims;
using Ajanvaraus.Api.Identity;

namespace Ajanvaraus.Api.Providers;

// The one check that an agency admin touches only their own provider's data: the provider named in the token.
internal static class ProviderAccess
{
    public static bool Administers(ClaimsPrincipal user, string providerId) =>
        user.IsInRole(Roles.AgencyAdmin)
        && string.Equals(user.FindFirstValue(ClaimNames.Provider), providerId, StringComparison.Ordinal);

    // For the /providers/{providerId}/… routes (or endpoints) that only that provider's own admins may call.
    public static TBuilder RequireOwnProvider<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter<TBuilder, ProviderAccessFilter>();
}

// The gate of the agency's own /providers/{providerId}/… routes: another agency's admin gets 403 before any handler
// (or body validation) runs. Whether the provider exists stays the handler's question (404).
internal sealed class ProviderAccessFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        return http.Request.RouteValues["providerId"] is string providerId && ProviderAccess.Administers(http.User, providerId)
            ? await next(context)
            : TypedResults.Forbid();
    }
}
