using Ajanvaraus.Api.Bookings;

namespace Ajanvaraus.Api.Tests.Bookings;

public sealed class ContactValidationTests
{
    [Theory]
    [InlineData("040 123 4567", "+358401234567")]
    [InlineData("+358 40 1234567", "+358401234567")]
    [InlineData("0401234567", "+358401234567")]
    [InlineData("040-123 4567", "+358401234567")]
    [InlineData("+358 (0)40 123 4567", "+358401234567")]
    [InlineData("00358401234567", "+358401234567")]
    [InlineData(" 050 987 6543 ", "+358509876543")]
    [InlineData("09 123 4567", "+35891234567")]
    [InlineData("018 12345", "+3581812345")] // Åland shares +358
    public void FinnishNumbersAreNormalizedToE164(string input, string expected)
    {
        Assert.True(ContactValidation.NormalizeFinnishPhone(input, out var e164));
        Assert.Equal(expected, e164);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("abc")]
    [InlineData("040 123")]
    [InlineData("112")]
    [InlineData("040 1234 56789 1")]
    [InlineData("0401234567 abc")]
    [InlineData("040-CALL-ME")]
    [InlineData("tel:0401234567")]
    [InlineData("040 123 4567 #12")]
    [InlineData("040+1234567")]
    [InlineData("+46 70 123 45 67")] // a valid Swedish mobile, but not a Finnish number
    [InlineData(null)]
    public void GarbageShortAndForeignNumbersAreRejected(string? input)
    {
        Assert.False(ContactValidation.NormalizeFinnishPhone(input, out var e164));
        Assert.Null(e164);
    }

    [Theory]
    [InlineData("matti.meikalainen@example.fi")]
    [InlineData("Matti.Meikalainen+ajanvaraus@posti.example.com")]
    [InlineData("anna-liisa.mäkelä@esimerkki.fi")]
    [InlineData("a@b.fi")]
    public void PlainAddressesAreValidEmails(string input)
    {
        Assert.True(ContactValidation.IsValidEmail(input));
    }

    [Theory]
    [InlineData("")]
    [InlineData("matti")]
    [InlineData("matti@")]
    [InlineData("@example.fi")]
    [InlineData("matti@localhost")]
    [InlineData("matti@@example.fi")]
    [InlineData("matti@example@fi")]
    [InlineData("matti@example..fi")]
    [InlineData("matti@.example.fi")]
    [InlineData("matti@example.fi.")]
    [InlineData("matti meikalainen@example.fi")]
    [InlineData(" matti@example.fi")]
    [InlineData("matti@example.fi\n")]
    [InlineData("Matti <matti@example.fi>")]
    [InlineData("matti(koti)@example.fi")]
    [InlineData("\"matti meikalainen\"@example.fi")]
    [InlineData(null)]
    public void MalformedOrDecoratedAddressesAreNotValidEmails(string? input)
    {
        Assert.False(ContactValidation.IsValidEmail(input));
    }

    [Fact]
    public void EmailsLongerThan254CharactersAreRejected()
    {
        var domain = "@" + string.Join('.', Enumerable.Repeat(new string('a', 60), 4)) + ".fi";

        var fits = new string('m', ContactValidation.MaxEmailLength - domain.Length) + domain;
        var tooLong = "m" + fits;

        Assert.Equal(254, fits.Length);
        Assert.True(ContactValidation.IsValidEmail(fits));
        Assert.False(ContactValidation.IsValidEmail(tooLong));
    }
}
