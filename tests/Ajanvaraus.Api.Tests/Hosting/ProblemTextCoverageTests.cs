using System.Text;
using System.Text.RegularExpressions;
using Ajanvaraus.Api.Hosting;
using Ajanvaraus.Api.Tests.Infrastructure;

namespace Ajanvaraus.Api.Tests.Hosting;

// Every English problem text written in src/ (titles, details, field messages, DataAnnotations messages) has a
// Finnish and a Swedish line in the catalogue: a new text without them fails here, naming it.
public sealed partial class ProblemTextCoverageTests
{
    [Fact]
    public void EveryProblemTextInTheSourceHasFinnishAndSwedish()
    {
        var known = ProblemTexts.All.Select(t => t.En).ToHashSet(StringComparer.Ordinal);
        var texts = SourceTexts().ToList();

        Assert.True(texts.Count > 60, $"The scan found only {texts.Count} texts: has the way problems are written changed?");
        var missing = texts.Where(t => !known.Contains(t.Text)).Select(t => $"{t.File}: {t.Text}").Distinct().ToList();
        Assert.True(missing.Count == 0, "No fi/sv translation in Hosting/ProblemCatalogue*.cs for:\n" + string.Join("\n", missing));
    }

    [Fact]
    public void EveryCatalogueEntryTranslatesWithItsValues()
    {
        foreach (var text in ProblemTexts.All)
        {
            Assert.False(string.IsNullOrWhiteSpace(text.Fi) || string.IsNullOrWhiteSpace(text.Sv), text.En);
            var filled = Regex.Replace(text.En, @"\{(\d)\}", m => "V" + m.Groups[1].Value);
            Assert.Equal(Regex.Replace(text.Fi, @"\{(\d)\}", m => "V" + m.Groups[1].Value), ProblemTexts.Translate(filled, "fi"));
            Assert.Equal(Regex.Replace(text.Sv, @"\{(\d)\}", m => "V" + m.Groups[1].Value), ProblemTexts.Translate(filled, "sv"));
        }
    }

    [Fact]
    public void ATextWithoutTranslationLeavesInEnglish() =>
        Assert.Equal("Something nobody wrote yet.", ProblemTexts.Translate("Something nobody wrote yet.", "fi"));

    // Literals where problem texts are written: title:/detail: arguments, ErrorMessage, ValidationAttribute base
    // messages, error arrays (`errors["x"] = ["…"]`, also `[cond ? "…" : "…"]`), message constants, and the sentences
    // feature code returns as validation problems (e.g. RecurrenceProblem). Interpolations become {0}, {1}…
    private static IEnumerable<(string File, string Text)> SourceTexts()
    {
        var src = Path.Combine(RepositoryRoot.Path, "src", "Ajanvaraus.Api");
        var features = new[] { "Availability", "Bookings", "Experts", "Providers", "ServicePoints", "Services" };
        foreach (var file in Directory.EnumerateFiles(src, "*.cs", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(src, file);
            if (relative.StartsWith("obj", StringComparison.Ordinal) || relative.StartsWith("bin", StringComparison.Ordinal)
                || Path.GetFileName(file).StartsWith("ProblemCatalogue", StringComparison.Ordinal)
                // The customer's messages carry their own three languages (weekdays, phrases): not problem texts.
                || Path.GetFileName(file) == "NotificationTexts.cs")
            {
                continue;
            }

            var code = File.ReadAllText(file);
            foreach (Match m in Context().Matches(code))
            {
                var start = m.Index + m.Length;
                var isReturn = m.Value.StartsWith("return", StringComparison.Ordinal);
                if (m.Value.TrimEnd().EndsWith('[') && !IsLiteral(code, start))
                {
                    // `errors["x"] = [cond ? "a" : $"b"];`: the literals of the ternary, up to the array's end.
                    var end = code.IndexOf(']', start);
                    foreach (Match branch in Branch().Matches(code[start..end]))
                    {
                        if (Literal(code, start + branch.Index + branch.Length) is { } text)
                        {
                            yield return (relative, text);
                        }
                    }

                    continue;
                }

                if (Literal(code, start) is { } literal
                    && (!isReturn || (InFeature(relative, features) && literal.Contains(' ') && literal.EndsWith('.'))))
                {
                    yield return (relative, literal);
                }
            }
        }
    }

    private static bool InFeature(string relative, string[] features) => features.Contains(relative.Split(Path.DirectorySeparatorChar)[0]);

    private static bool IsLiteral(string code, int at) => code[at] == '"' || (code[at] == '$' && code[at + 1] == '"');

    // A regular or interpolated C# string literal at `at`, with interpolation holes as {0}, {1}…; null for raw strings.
    private static string? Literal(string code, int at)
    {
        var interpolated = code[at] == '$';
        var i = interpolated ? at + 1 : at;
        if (code[i] != '"' || code.AsSpan(i).StartsWith("\"\"\""))
        {
            return null;
        }

        var text = new StringBuilder();
        var hole = 0;
        for (i++; code[i] != '"'; i++)
        {
            if (code[i] == '\\')
            {
                text.Append(code[i + 1] switch { 'n' => '\n', 't' => '\t', var c => c });
                i++;
            }
            else if (interpolated && code[i] == '{' && code[i + 1] == '{')
            {
                text.Append('{');
                i++;
            }
            else if (interpolated && code[i] == '{')
            {
                for (var depth = 1; depth > 0;)
                {
                    i++;
                    if (code[i] == '"')
                    {
                        for (i++; code[i] != '"'; i++)
                        {
                            i += code[i] == '\\' ? 1 : 0;
                        }
                    }

                    depth += code[i] switch { '{' => 1, '}' => -1, _ => 0 };
                }

                text.Append('{').Append(hole++).Append('}');
            }
            else
            {
                text.Append(code[i]);
            }
        }

        return text.ToString();
    }

    [GeneratedRegex(
        @"\b(?:title|detail|Title|Detail|Message):\s*|\bErrorMessage\s*=\s*|\bValidationAttribute\(\s*|\]\s*=\s*\[\s*"
        + @"|\bconst string \w*Message\s*=\s*|\breturn\s+(?=\$?"")")]
    private static partial Regex Context();

    [GeneratedRegex(@"(?:\?|:)\s*(?=\$?"")")]
    private static partial Regex Branch();
}
