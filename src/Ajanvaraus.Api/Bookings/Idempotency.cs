using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using Dapper;

namespace Ajanvaraus.Api.Bookings;

/// <summary>A request that carried an Idempotency-Key: who sent it, the key, and a fingerprint of what was asked.</summary>
internal sealed record IdempotentRequest(string Scope, string Key, string RequestHash)
{
    public const string Header = "Idempotency-Key";
    public static readonly TimeSpan Retention = TimeSpan.FromHours(24);

    public static IdempotentRequest For(string scope, string key, string method, string path, string canonicalBody) =>
        new(scope, key, Hex(SHA256.HashData(Encoding.UTF8.GetBytes($"{method} {path}\n{canonicalBody}"))));

    /// <summary>The stored key is a hash: the table never holds the caller's key itself.</summary>
    public string KeyHash => Hex(SHA256.HashData(Encoding.UTF8.GetBytes(Key)));

    /// <summary>
    /// The first answer is kept for replay encrypted with a key derived from the caller's Idempotency-Key, so the
    /// secrets in it (the manage token) are readable only by whoever presents that key again.
    /// </summary>
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

    private byte[] DerivedKey() => HKDF.DeriveKey(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(Key), 32, Encoding.UTF8.GetBytes(Scope), "ajanvaraus idempotent replay"u8.ToArray());

    private static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);
}

/// <summary>What a replay gives back, or why it cannot.</summary>
internal sealed record IdempotentReplay(bool SameRequest, int StatusCode, string? Location, string? Body);

internal sealed record IdempotencyRow
{
    public string RequestHash { get; init; } = "";
    public int? StatusCode { get; init; }
    public string? Location { get; init; }
    public string? ResponseBody { get; init; }
}

/// <summary>Claims and records keys inside the transaction of the change they protect.</summary>
internal static class IdempotencyLedger
{
    internal const string ClaimSql = """
        INSERT INTO IdempotencyKeys (Scope, IdempotencyKey, RequestHash, StatusCode, ResponseBody, Location, CreatedAt, ExpiresAt)
        VALUES (@Scope, @IdempotencyKey, @RequestHash, NULL, NULL, NULL, @Now, @ExpiresAt)
        """;

    internal const string RecordSql = """
        UPDATE IdempotencyKeys SET StatusCode = @StatusCode, ResponseBody = @ResponseBody, Location = @Location
        WHERE Scope = @Scope AND IdempotencyKey = @IdempotencyKey
        """;

    internal const string FindSql = """
        SELECT RequestHash, StatusCode, Location, ResponseBody FROM IdempotencyKeys
        WHERE Scope = @Scope AND IdempotencyKey = @IdempotencyKey AND ExpiresAt > @Now
        """;

    internal const string DeleteExpiredSql = """
        DELETE FROM IdempotencyKeys WHERE Scope = @Scope AND IdempotencyKey = @IdempotencyKey AND ExpiresAt <= @Now
        """;

    /// <summary>Claims the key; a unique violation means it was used before (the caller then replays).</summary>
    public static async Task ClaimAsync(DbConnection c, DbTransaction tx, IdempotentRequest request, DateTimeOffset now, CancellationToken ct)
    {
        var args = new { request.Scope, IdempotencyKey = request.KeyHash, request.RequestHash, Now = now, ExpiresAt = now + IdempotentRequest.Retention };
        await c.ExecuteAsync(new CommandDefinition(DeleteExpiredSql, args, tx, cancellationToken: ct));
        await c.ExecuteAsync(new CommandDefinition(ClaimSql, args, tx, cancellationToken: ct));
    }

    public static Task RecordAsync(DbConnection c, DbTransaction tx, IdempotentRequest request, int status, string? location, string body, CancellationToken ct) =>
        c.ExecuteAsync(new CommandDefinition(RecordSql, new { request.Scope, IdempotencyKey = request.KeyHash, StatusCode = status, Location = location, ResponseBody = request.Protect(body) }, tx, cancellationToken: ct));

    public static async Task<IdempotentReplay?> FindAsync(DbConnection c, IdempotentRequest request, DateTimeOffset now, CancellationToken ct)
    {
        var row = await c.QuerySingleOrDefaultAsync<IdempotencyRow>(new CommandDefinition(FindSql, new { request.Scope, IdempotencyKey = request.KeyHash, Now = now }, cancellationToken: ct));
        if (row is null)
        {
            return null;
        }

        return row.RequestHash != request.RequestHash || row.StatusCode is null || row.ResponseBody is null
            ? new IdempotentReplay(row.RequestHash == request.RequestHash, row.StatusCode ?? 0, null, null)
            : new IdempotentReplay(true, row.StatusCode.Value, row.Location, request.Unprotect(row.ResponseBody));
    }
}
