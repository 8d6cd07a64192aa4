using System.Text;
using System.Text.RegularExpressions;

namespace Ajanvaraus.Api.Hosting;

// One text of a problem document: the English the code writes (gettext style: the key), its Finnish and Swedish, and
// `Say` when the English key itself must not reach a caller (a .NET default naming a C# member or attribute).
internal sealed record ProblemText(string En, string Fi, string Sv, string? Say = null)
{
    public string In(string language) => language switch
    {
        "fi" => Fi,
        "sv" => Sv,
        _ => Say ?? En,
    };
}

// Handlers keep writing plain English in TypedResults.Problem / ValidationProblem; the problem-details customization
// translates here, in one place. `{0}`, `{1}`… in a key stand for values the code puts into the text; a translation
// repeats them where its language wants them. A text with no entry leaves in English.
internal static partial class ProblemTexts
{
    private static readonly Dictionary<string, ProblemText> Exact = [];
    private static readonly List<(Regex Pattern, ProblemText Text)> WithValues = [];

    static ProblemTexts()
    {
        foreach (var text in All)
        {
            if (Placeholder().IsMatch(text.En))
            {
                WithValues.Add((ToRegex(text.En), text));
            }
            else
            {
                Exact[text.En] = text;
            }
        }
    }

    public static IEnumerable<ProblemText> All =>
        Defaults.Concat(Catalogue).Concat(Features).Concat(Bookings).Concat(Statistics).Concat(Security).Concat(Calendars)
            .Concat(Notifications);

    public static string Translate(string text, string language)
    {
        if (Exact.TryGetValue(text, out var exact))
        {
            return exact.In(language);
        }

        foreach (var (pattern, entry) in WithValues)
        {
            if (pattern.Match(text) is { Success: true } match)
            {
                return Placeholder().Replace(entry.In(language), p => match.Groups["p" + p.Groups[1].Value].Value);
            }
        }

        return text;
    }

    private static Regex ToRegex(string key)
    {
        var pattern = new StringBuilder("^");
        var last = 0;
        foreach (Match placeholder in Placeholder().Matches(key))
        {
            pattern.Append(Regex.Escape(key[last..placeholder.Index]));
            pattern.Append($"(?<p{placeholder.Groups[1].Value}>.+?)");
            last = placeholder.Index + placeholder.Length;
        }

        pattern.Append(Regex.Escape(key[last..])).Append('$');
        return new Regex(pattern.ToString(), RegexOptions.Singleline | RegexOptions.CultureInvariant);
    }

    [GeneratedRegex(@"\{(\d)\}")]
    private static partial Regex Placeholder();
}
