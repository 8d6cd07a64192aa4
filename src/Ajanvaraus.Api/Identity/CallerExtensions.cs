using System.Security.Claims;

namespace Ajanvaraus.Api.Identity;

/// <summary>What the handlers ask of the caller beyond the endpoint's policy.</summary>
internal static class CallerExtensions
{
    /// <summary>Agency admins act only for the provider named in their token.</summary>
    public static bool MayAdminister(this ClaimsPrincipal user, string providerId) =>
        user.IsInRole(Roles.AgencyAdmin)
        && string.Equals(user.FindFirstValue(ClaimNames.Provider), providerId, StringComparison.Ordinal);

    public static string? PortalClient(this ClaimsPrincipal user) =>
        user.IsInRole(Roles.Portal) ? user.FindFirstValue(ClaimNames.Client) : null;
}
