using System.Diagnostics.CodeAnalysis;
using System.Net.Mail;
using Ajanvaraus.Api.Availability;
using PhoneNumbers;

namespace Ajanvaraus.Api.Bookings;

internal static class ContactValidation
{
    // The customer's contacts as a booking needs them; `phone` is the number in E.164 when one was given. A walk-in
    // booked by staff may have a name only (the reference is handed over on paper).
    public static Dictionary<string, string[]> CustomerErrors(CustomerRequest customer, Channel channel, bool requireContact,
        out string? phone)
    {
        var errors = new Dictionary<string, string[]>();
        phone = null;
        if (customer.Email is { Length: > 0 } email && !IsValidEmail(email))
        {
            errors["customer.email"] = ["Not a valid e-mail address."];
        }

        if (customer.Phone is { Length: > 0 } given && !NormalizeFinnishPhone(given, out phone))
        {
            errors["customer.phone"] = ["Not a valid Finnish phone number (e.g. 040 123 4567 or +358 40 123 4567)."];
        }

        if (channel == Channel.Phone && string.IsNullOrWhiteSpace(customer.Phone))
        {
            errors["customer.phone"] = ["A phone appointment needs the number the expert will call."];
        }

        if (requireContact && string.IsNullOrWhiteSpace(customer.Email) && string.IsNullOrWhiteSpace(customer.Phone))
        {
            errors["customer"] = ["Give an e-mail address or a phone number for the confirmation."];
        }

        return errors;
    }

    public const int MaxEmailLength = 254;
    private const int FinnishCountryCode = 358;
    // Room for "+358 (0)40 123 4567" and friends; longer input is not a phone number worth parsing.
    private const int MaxPhoneInputLength = 32;
    private static readonly PhoneNumberUtil Phones = PhoneNumberUtil.GetInstance();

    // Experts call and the service texts these numbers, so only Finnish ones (+358, Åland included) are
    // taken; national forms ("040 123 4567") are read as Finnish. The result is E.164, "+358401234567".
    public static bool NormalizeFinnishPhone(string? input, [NotNullWhen(true)] out string? e164)
    {
        e164 = null;
        // libphonenumber reads past letters ("040-CALL-ME" as a keypad word, "tel:" prefixes, extensions);
        // a customer's own number is digits and separators only, so anything else is a typo worth reporting.
        if (string.IsNullOrWhiteSpace(input) || input.Length > MaxPhoneInputLength || !input.All(IsPhoneChar) || input.LastIndexOf('+') > 0)
        {
            return false;
        }

        PhoneNumber number;
        try
        {
            number = Phones.Parse(input, "FI");
        }
        catch (NumberParseException)
        {
            return false;
        }

        if (number.CountryCode != FinnishCountryCode || !Phones.IsValidNumber(number))
        {
            return false;
        }
        e164 = Phones.Format(number, PhoneNumberFormat.E164);
        return true;
    }

    // MailAddress alone accepts display names ("Name <a@b.fi>"), comments, quoted local parts with spaces
    // and dotless hosts; a booking contact is a bare address a mail server will deliver to.
    public static bool IsValidEmail([NotNullWhen(true)] string? input)
    {
        if (string.IsNullOrEmpty(input) || input.Length > MaxEmailLength || input.Any(char.IsWhiteSpace) || input.Count(c => c == '@') != 1)
        {
            return false;
        }
        if (!MailAddress.TryCreate(input, out var address) || address.Address != input)
        {
            return false;
        }
        var host = address.Host;
        return host.Contains('.') && !host.StartsWith('.') && !host.EndsWith('.');
    }

    private static bool IsPhoneChar(char c) => char.IsAsciiDigit(c) || c is ' ' or '+' or '-' or '(' or ')' or '.';
}
