using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Ajanvaraus.Api.Data;

// App-made ids that each engine stores in creation order, so clustered GUID keys append instead of splitting pages.
// SQLite compares the text, which for a version-7 UUID starts with its millisecond timestamp. SQL Server compares a
// uniqueidentifier by bytes 10-15 first, then 8-9, 6-7, 4-5, 0-3 (SqlGuid's order), where version 7 has random bits:
// there the 48-bit timestamp goes into bytes 10-15 and the rest stays random (as NEWSEQUENTIALID orders, without its
// per-machine predictability).
internal static class Ids
{
    public static Guid New(Dialect dialect, DateTimeOffset now) =>
        dialect == Dialect.SqlServer ? SqlServerOrdered(now) : Guid.CreateVersion7(now);

    private static Guid SqlServerOrdered(DateTimeOffset now)
    {
        Span<byte> bytes = stackalloc byte[16];
        RandomNumberGenerator.Fill(bytes[..10]);
        Span<byte> millis = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(millis, now.ToUnixTimeMilliseconds());
        millis[2..].CopyTo(bytes[10..]);
        return new Guid(bytes);
    }
}
