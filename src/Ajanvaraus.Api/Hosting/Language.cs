using System.ComponentModel.DataAnnotations;
using Microsoft.Net.Http.Headers;

namespace Ajanvaraus.Api.Hosting;

// A text in the three languages the service speaks.
public sealed record LocalizedText(
    [property: Required, StringLength(200, MinimumLength = 1), PlainText] string Fi,
    [property: Required, StringLength(200, MinimumLength = 1), PlainText] string Sv,
    [property: Required, StringLength(200, MinimumLength = 1), PlainText] string En)
{
    internal string In(string language) => language switch
    {
        "sv" => Sv,
        "en" => En,
        _ => Fi,
    };
}

// A longer optional text in fi/sv/en (descriptions, service cards, accessibility notes).
public sealed record LocalizedLongText(
    [property: StringLength(4000), PlainText(lineBreaks: true)] string? Fi,
    [property: StringLength(4000), PlainText(lineBreaks: true)] string? Sv,
    [property: StringLength(4000), PlainText(lineBreaks: true)] string? En)
{
    internal string? In(string language) => language switch
    {
        "sv" => Sv ?? Fi,
        "en" => En ?? Fi,
        _ => Fi,
    };
}

internal static class Language
{
    public const string Finnish = "fi";
    public static readonly string[] Supported = ["fi", "sv", "en"];

    // The best of fi/sv/en by the Accept-Language header's quality values; Finnish by default. An answer that picks
    // its language here says so (Content-Language) and tells caches it varies by the header, wherever it is built.
    public static string Of(HttpRequest request)
    {
        var language = Pick(request);
        var headers = request.HttpContext.Response.Headers;
        if (!request.HttpContext.Response.HasStarted)
        {
            headers.ContentLanguage = language;
            if (!headers.Vary.Any(v => v?.Contains(HeaderNames.AcceptLanguage, StringComparison.OrdinalIgnoreCase) == true))
            {
                headers.Append(HeaderNames.Vary, HeaderNames.AcceptLanguage);
            }
        }

        return language;
    }

    private static string Pick(HttpRequest request)
    {
        if (!StringWithQualityHeaderValue.TryParseList(request.Headers.AcceptLanguage, out var values))
        {
            return Finnish;
        }

        foreach (var value in values.OrderByDescending(v => v.Quality ?? 1))
        {
            var tag = value.Value.Value ?? "";
            var primary = tag.Split('-')[0].ToLowerInvariant();
            if (Supported.Contains(primary))
            {
                return primary;
            }
        }

        return Finnish;
    }
}
