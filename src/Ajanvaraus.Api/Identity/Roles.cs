namespace Ajanvaraus.Api.Identity;

// The roles and claims a token carries, and the policy names endpoints require.
internal static class Roles
{
    public const string Operator = "operator";
    public const string AgencyAdmin = "agency_admin";
    public const string Adviser = "adviser";
    public const string Portal = "portal";

    public static readonly string[] All = [Operator, AgencyAdmin, Adviser, Portal];
}

internal static class ClaimNames
{
    public const string Role = "role";
    public const string Provider = "provider";
    public const string ServicePoint = "service_point";
    public const string Client = "client";
}

internal static class Policies
{
    public const string Operator = "operator";
    public const string AgencyAdmin = "agency_admin";
    public const string Adviser = "adviser";
    public const string Portal = "portal";

    // Anyone who acts for customers: an adviser (of a point), an agency admin (of a provider), an operator.
    public const string Staff = "staff";
}
