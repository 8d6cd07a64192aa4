using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Ajanvaraus.Api.Bookings;

// The secret in the link a citizen uses to see, move or cancel their booking. Only its hash is stored,
// so a copy of the database does not hand out working links.
internal static class ManageToken
{
    public const int Bytes = 32;
    public const int HashLength = 64;

    // 256 random bits, base64url without padding: 43 characters that need no escaping in a URL.
    public static string Create() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(Bytes));

    // A plain SHA-256 suffices (no salt or stretching): the token is random and long, not a password.
    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    // Fixed-time, so response timing does not reveal how much of a guessed hash matched.
    public static bool Matches(string? token, string? hash)
    {
        if (string.IsNullOrEmpty(token) || hash is not { Length: HashLength })
        {
            return false;
        }
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(token)), Encoding.ASCII.GetBytes(hash));
    }
}
