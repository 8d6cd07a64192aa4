namespace Ajanvaraus.Api.Hosting;

// Readable stable ids of providers and service points (`kela`, `mikkeli`, `te-uusimaa`).
internal static class Slug
{
    public const string Pattern = "^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$";
    public const string Message = "Use 1-40 lower-case letters, digits and inner hyphens (e.g. 'kela', 'mikkeli').";
}
