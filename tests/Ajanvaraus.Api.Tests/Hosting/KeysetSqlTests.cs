using System.Text.RegularExpressions;
using Ajanvaraus.Api.Tests.Data;

namespace Ajanvaraus.Api.Tests.Hosting;

// On SQL Server one text has one cached plan: a keyset written `@After IS NULL OR Id > @After` cannot seek to the
// cursor, so every page re-reads the pages before it (issue 17, item 9). No list text may use it on either engine.
public sealed partial class KeysetSqlTests
{
    [Fact]
    public void NoListTextMakesItsCursorOptional()
    {
        var texts = SqlTexts.ForSqlServer().Concat(SqlTexts.ForSqlite()).ToList();
        Assert.Contains(texts, t => t.Text.Contains("@After", StringComparison.Ordinal));
        var optional = texts.Where(t => OptionalCursor().IsMatch(t.Text)).Select(t => t.Name).Distinct().ToList();
        Assert.True(optional.Count == 0, "Optional keyset in: " + string.Join(", ", optional));
    }

    [Fact]
    public void TheConflictsWindowLookupHasALowerBound()
    {
        foreach (var (name, text) in SqlTexts.ForSqlServer().Concat(SqlTexts.ForSqlite()).Where(t
            => t.Name.StartsWith("WindowStore.Conflicts", StringComparison.Ordinal)))
        {
            Assert.True(text.Contains("w.StartsAt >= @WindowsFrom", StringComparison.Ordinal), name);
        }
    }

    [GeneratedRegex(@"@After\w*\s+IS\s+NULL", RegexOptions.IgnoreCase)]
    private static partial Regex OptionalCursor();
}
