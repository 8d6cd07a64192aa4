using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using Ajanvaraus.Api.Data;
using Dapper;

namespace Ajanvaraus.Api.Bookings;

// A request that carried an Idempotency-Key: who sent it, the key, and a fingerprint of what was asked. Every citizen
// shares the anonymous scope, so Client (the address key, ClientAddress.Of) tells them apart: a key replays the manage
// token only to the client that made it; anyone else who presents it (guessed, or leaked) gets 422.
internal sealed record IdempotentRequest(string Scope, string Key, string RequestHash, string? Client = null)
{
    public const string Header = "Idempotency-Key";
    public static readonly TimeSpan Retention = TimeSpan.FromHours(24);

    public static IdempotentRequest For(string scope, string key, string method, string path, string canonicalBody,
        string? client = null) =>
        new(scope, key, Hex(SHA256.HashData(Encoding.UTF8.GetBytes($"{method} {path}\n{canonicalBody}"))), client);

    // The stored key is a hash: the table never holds the caller's key itself, nor the client's address.
    public string KeyHash => Hex(SHA256.HashData(Encoding.UTF8.GetBytes(Key)));

    public string? ClientHash => Client is null ? null : Hex(SHA256.HashData(Encoding.UTF8.GetBytes(Client)));

    // The secret of the first answer (the manage token) is kept for replay encrypted with a key derived from the
    // caller's Idempotency-Key, so it is readable only by whoever presents that key again.
    public string Protect(string json)
    {
        var nonce = RandomNumberGenerator.GetBytes(12);
        var plain = Encoding.UTF8.GetBytes(json);
        var cipher = new byte[plain.Length];
        var tag = new byte[16];
        using var aes = new AesGcm(DerivedKey(), tag.Length);
        aes.Encrypt(nonce, plain, cipher, tag);
        return Convert.ToBase64String([.. nonce, .. tag, .. cipher]);
    }

    public string Unprotect(string stored)
    {
        var bytes = Convert.FromBase64String(stored);
        var plain = new byte[bytes.Length - 28];
        using var aes = new AesGcm(DerivedKey(), 16);
        aes.Decrypt(bytes.AsSpan(0, 12), bytes.AsSpan(28), bytes.AsSpan(12, 16), plain);
        return Encoding.UTF8.GetString(plain);
    }

    private byte[] DerivedKey() => HKDF.DeriveKey(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(Key), 32, Encoding.UTF8.GetBytes(Scope),
        "ajanvaraus idempotent replay"u8.ToArray());

    private static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);
}

// What a replay gives back: the booking the first request made and its manage token; or why it cannot (another body,
// another client, or the first request has not finished). A replay shows the booking as it is now.
internal sealed record IdempotentReplay(bool SameRequest, Guid? BookingId, string? ManageToken, bool OtherClient = false);

internal sealed record IdempotencyRow
{
    public string RequestHash { get; init; } = "";
    public Guid? BookingId { get; init; }
    public string? ResponseBody { get; init; }
    public string? ClientHash { get; init; }
}

// Claims and records keys inside the transaction of the change they protect: the booking made, and in ResponseBody its
// manage token encrypted with the caller's key.
internal static class IdempotencyLedger
{
    internal const string ClaimSql = """
        INSERT INTO IdempotencyKeys (Scope, IdempotencyKey, RequestHash, BookingId, ResponseBody, CreatedAt, ExpiresAt, ClientHash)
        VALUES (@Scope, @IdempotencyKey, @RequestHash, NULL, NULL, @Now, @ExpiresAt, @ClientHash)
        """;

    internal const string RecordSql = """
        UPDATE IdempotencyKeys SET BookingId = @BookingId, ResponseBody = @ResponseBody
        WHERE Scope = @Scope AND IdempotencyKey = @IdempotencyKey
        """;

    internal const string FindSql = """
        SELECT RequestHash, BookingId, ResponseBody, ClientHash FROM IdempotencyKeys
        WHERE Scope = @Scope AND IdempotencyKey = @IdempotencyKey AND ExpiresAt > @Now
        """;

    internal const string DeleteExpiredSql = """
        DELETE FROM IdempotencyKeys WHERE Scope = @Scope AND IdempotencyKey = @IdempotencyKey AND ExpiresAt <= @Now
        """;

    // Claims the key, first in the write; false when it was used before (the caller then replays). SQL Server: a racing
    // claim of the same key waits on the first's key lock and gets its unique violation once that one commits.
    public static async Task<bool> TryClaimAsync(WriteScope scope, IdempotentRequest request)
    {
        var args = new { request.Scope, IdempotencyKey = request.KeyHash, request.RequestHash, scope.Now,
            ExpiresAt = scope.Now + IdempotentRequest.Retention, request.ClientHash };
        await scope.ExecuteAsync(DeleteExpiredSql, args);
        try
        {
            await scope.ExecuteCaughtAsync(ClaimSql, args);
            return true;
        }
        catch (Exception ex) when (Db.IsUniqueViolation(ex))
        {
            return false;
        }
    }

    public static Task RecordAsync(WriteScope scope, IdempotentRequest request, Guid bookingId, string manageToken)
    {
        var args = new
        {
            request.Scope, IdempotencyKey = request.KeyHash, BookingId = bookingId, ResponseBody = request.Protect(manageToken),
        };
        return scope.ExecuteAsync(RecordSql, args);
    }

    public static async Task<IdempotentReplay?> FindAsync(DbConnection c, IdempotentRequest request, DateTimeOffset now,
        CancellationToken ct)
    {
        var row = await c.QuerySingleOrDefaultAsync<IdempotencyRow>(new CommandDefinition(FindSql, new { request.Scope,
            IdempotencyKey = request.KeyHash, Now = now }, cancellationToken: ct));
        if (row is null)
        {
            return null;
        }

        // Before anything else, so another client learns nothing of the first request (a key from before 0012 has no
        // client: it replays to no citizen).
        if (row.ClientHash != request.ClientHash)
        {
            return new IdempotentReplay(true, null, null, OtherClient: true);
        }

        if (row.RequestHash != request.RequestHash || row.ResponseBody is null || row.BookingId is not { } bookingId)
        {
            return new IdempotentReplay(row.RequestHash == request.RequestHash, null, null);
        }

        return new IdempotentReplay(true, bookingId, request.Unprotect(row.ResponseBody));
    }
}
