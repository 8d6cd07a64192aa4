using System.Text.RegularExpressions;
using Ajanvaraus.Api.Bookings;

namespace Ajanvaraus.Api.Tests.Bookings;

public sealed class BookingReferenceTests
{
    [Fact]
    public void CreatedReferenceIsTwoGroupsOfFourFromTheUnambiguousAlphabet()
    {
        var reference = BookingReference.Create();

        Assert.Matches(new Regex("^[ACDEFGHJKMNPQRTUVWXY34679]{4}-[ACDEFGHJKMNPQRTUVWXY34679]{4}$"), reference);
        Assert.True(BookingReference.IsValid(reference));
        Assert.Equal(reference, BookingReference.Normalize(reference));
    }

    [Fact]
    public void AlphabetLeavesOutCharactersPeopleConfuse()
    {
        Assert.Equal(25, BookingReference.Alphabet.Distinct().Count());
        Assert.All("0O1IL5S2Z8B", c => Assert.DoesNotContain(c, BookingReference.Alphabet));
    }

    [Fact]
    public void TenThousandReferencesAreDistinctAndUseTheWholeAlphabet()
    {
        var references = Enumerable.Range(0, 10_000).Select(_ => BookingReference.Create()).ToList();

        // 25^8 codes: a single collision among 10,000 has odds of about 1 in 3,000, two about 1 in 20 million.
        // Allowing one keeps the test steady while still catching a weak or repeating generator.
        Assert.True(references.Distinct().Count() >= 9_999);
        var used = references.SelectMany(r => r.Replace("-", "")).ToHashSet();
        Assert.Equal(BookingReference.Alphabet.Order(), used.Order());
    }

    [Theory]
    [InlineData("ACDE-FGHJ", "ACDE-FGHJ")]
    [InlineData("acde-fghj", "ACDE-FGHJ")]
    [InlineData("acdefghj", "ACDE-FGHJ")]
    [InlineData(" AC DE FG HJ ", "ACDE-FGHJ")]
    [InlineData("AC-DE-FG-HJ", "ACDE-FGHJ")]
    [InlineData("3467-9ACD", "3467-9ACD")]
    public void NormalizingAcceptsCaseSpacesAndHyphens(string input, string expected)
    {
        Assert.Equal(expected, BookingReference.Normalize(input));
        Assert.True(BookingReference.IsValid(input));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("ACDE-FGH")]
    [InlineData("ACDE-FGHJK")]
    [InlineData("ACDE-FGH0")]
    [InlineData("OCDE-FGHJ")]
    [InlineData("ACDE-FGH5")]
    [InlineData("ACDE_FGHJ")]
    [InlineData("ÄCDE-FGHJ")]
    [InlineData(null)]
    public void NormalizingRejectsWhatCannotBeAReference(string? input)
    {
        Assert.Null(BookingReference.Normalize(input));
        Assert.False(BookingReference.IsValid(input));
    }
}
