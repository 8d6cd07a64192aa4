using System.Security.Claims;

namespace Ajanvaraus.Api.Identity;

// What the handlers ask of the caller beyond the endpoint's policy. Whether an agency admin may touch a provider's
// data is ProviderAccess's question (Providers/), asked by the route groups' filters.
internal static class CallerExtensions
{
    public static string? PortalClient(this ClaimsPrincipal user) =>
        user.IsInRole(Roles.Portal) ? user.FindFirstValue(ClaimNames.Client) : null;
}
