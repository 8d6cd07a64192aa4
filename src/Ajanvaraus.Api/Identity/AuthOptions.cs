namespace Ajanvaraus.Api.Identity;

internal sealed class AuthOptions
{
    public const string Section = "Auth";

    // The OIDC issuer in production. Empty: tokens are signed with the local development key.
    public string? Authority { get; set; }

    public string Audience { get; set; } = "ajanvaraus";

    // Where the local signing key lives (created on first run, never committed).
    public string SigningKeyFile { get; set; } = "ajanvaraus.signing-key";

    public bool UsesLocalKey => string.IsNullOrWhiteSpace(Authority);
}
