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

    public bool UsesLocalKey => string.IsNullOrWhiteSpace(Authority);

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
