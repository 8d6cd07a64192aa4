using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;

namespace Ajanvaraus.Api.Bookings;

// The code a customer reads out to an adviser over the phone ("ACDE-FGHJ"). It is not a secret (the
// manage token is); it only has to be short, unambiguous when spoken or handwritten, and rarely collide.
internal static class BookingReference
{
    // No 0/O, 1/I/L, 5/S, 2/Z, 8/B: pairs people confuse when reading or hearing them. 25^8 ≈ 1.5e11 codes.
    public const string Alphabet = "ACDEFGHJKMNPQRTUVWXY34679";
    public const int Length = 8;
    public const string Example = "ACDE-FGHJ";

    public static string Create() => Format(RandomNumberGenerator.GetString(Alphabet, Length));

    // The canonical "XXXX-XXXX" form (what is stored and shown) of what a person typed, or null when it
    // cannot be a reference. Misreadings (O for 0) are not mapped: the alphabet already avoids them.
    public static string? Normalize(string? input)
    {
        if (input is null)
        {
            return null;
        }

        var chars = input.Where(c => c != '-' && !char.IsWhiteSpace(c)).Select(char.ToUpperInvariant).ToArray();
        if (chars.Length != Length || !chars.All(Alphabet.Contains))
        {
            return null;
        }
        return Format(new string(chars));
    }

    public static bool IsValid([NotNullWhen(true)] string? input) => Normalize(input) is not null;

    private static string Format(string code) => $"{code[..4]}-{code[4..]}";
}
