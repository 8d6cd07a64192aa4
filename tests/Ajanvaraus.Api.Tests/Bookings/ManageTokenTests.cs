using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Ajanvaraus.Api.Bookings;

namespace Ajanvaraus.Api.Tests.Bookings;

public sealed class ManageTokenTests
{
    [Fact]
    public void TokenIsUrlSafeAndCarries32RandomBytes()
    {
        var token = ManageToken.Create();

        Assert.Equal(43, token.Length);
        Assert.Matches("^[A-Za-z0-9_-]+$", token);
        Assert.Equal(32, Base64Url.DecodeFromChars(token).Length);
        Assert.Equal(token, Uri.EscapeDataString(token));
    }

    [Fact]
    public void TokensDoNotRepeat()
    {
        var tokens = Enumerable.Range(0, 1_000).Select(_ => ManageToken.Create()).ToHashSet();

        Assert.Equal(1_000, tokens.Count);
    }

    [Fact]
    public void HashIsLowercaseHexSha256OfTheToken()
    {
        var token = ManageToken.Create();

        var hash = ManageToken.Hash(token);

        Assert.Equal(64, hash.Length);
        Assert.Matches("^[0-9a-f]{64}$", hash);
        Assert.Equal(Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token))).ToLowerInvariant(), hash);
        Assert.Equal(hash, ManageToken.Hash(token));
    }

    [Fact]
    public void HashOfAKnownTokenIsStable()
    {
        // SHA-256("abc") from FIPS 180-2: pins the encoding, so stored hashes keep matching after changes here.
        Assert.Equal("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", ManageToken.Hash("abc"));
    }

    [Fact]
    public void TokenMatchesItsOwnHashOnly()
    {
        var token = ManageToken.Create();
        var hash = ManageToken.Hash(token);

        Assert.True(ManageToken.Matches(token, hash));
        Assert.False(ManageToken.Matches(ManageToken.Create(), hash));
        Assert.False(ManageToken.Matches(token[..^1], hash));
        Assert.False(ManageToken.Matches(token, hash.ToUpperInvariant()));
        Assert.False(ManageToken.Matches(token, hash[..^1]));
        Assert.False(ManageToken.Matches(token, ""));
        Assert.False(ManageToken.Matches("", ManageToken.Hash("")));
        Assert.False(ManageToken.Matches(null, hash));
        Assert.False(ManageToken.Matches(token, null));
    }
}
