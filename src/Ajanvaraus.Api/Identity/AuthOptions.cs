namespace Ajanvaraus.Api.Identity;

internal sealed class AuthOptions
{
    public const string Section = "Auth";

    // The OIDC issuer in production. Empty: tokens are signed with the local development key.
    public string? Authority { get; set; }

    public string Audience { get; set; } = "ajanvaraus";

    // Where the local signing key lives (created on first run, never committed).
    public string SigningKeyFile { get; set; } = "ajanvaraus.signing-key";

    // Metadata and keys of the Authority only over https; false only for a test identity provider on plain http.
    public bool RequireHttpsMetadata { get; set; } = true;

    // True only for a test or demo installation that runs as Production without an identity provider.
    public bool AllowLocalSigningKey { get; set; }

    public bool UsesLocalKey => string.IsNullOrWhiteSpace(Authority);

    // Why a production host must not start with these settings, or null: without an Authority every token is signed
    // with the local key, so whoever reads its file (or runs `token`) is an operator. Only a host *named* Production
    // (ASPNETCORE_ENVIRONMENT, DOTNET_ENVIRONMENT or --environment): .NET's default when none is named is Production too,
    // and that is the embedded default's `dotnet run`.
    public string? ProductionRefusal(string? namedEnvironment) =>
        string.Equals(namedEnvironment, Environments.Production, StringComparison.OrdinalIgnoreCase) && UsesLocalKey
            && !AllowLocalSigningKey
            ? "Refusing to start: the environment is Production and Auth:Authority is empty, so tokens would be signed with "
                + "the local key. Set Auth:Authority to the identity provider, or Auth:AllowLocalSigningKey=true for a test or "
                + "demo installation."
            : null;

    // Why these settings must not start the service, or null.
    public string? Problem()
    {
        if (UsesLocalKey)
        {
            return null;
        }

        if (!Uri.TryCreate(Authority, UriKind.Absolute, out var uri))
        {
            return "Auth:Authority must be an absolute URL.";
        }

        return uri.Scheme != Uri.UriSchemeHttps && RequireHttpsMetadata
            ? "Auth:Authority must be https (set Auth:RequireHttpsMetadata=false only for a test identity provider)."
            : null;
    }
}
