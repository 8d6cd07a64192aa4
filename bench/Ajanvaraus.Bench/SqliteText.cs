using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Ajanvaraus.Bench;

// Values exactly as the service's Dapper handlers write them to SQLite (Data/DapperTypeHandlers.cs): lower-case
// "D" GUIDs, fixed-width UTC instants, 'yyyy-MM-dd' dates, 'HH:mm' times, 0/1 flags. Anything else breaks text order.
internal static class SqliteText
{
    public const string InstantFormat = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";

    public static string Id(Guid id) => id.ToString("D");

    public static string Instant(DateTime utc) => utc.ToString(InstantFormat, CultureInfo.InvariantCulture);

    public static string Instant(DateTimeOffset instant) => Instant(instant.UtcDateTime);

    public static DateTime ParseInstant(string text) =>
        DateTime.ParseExact(text, InstantFormat, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Time(TimeOnly time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);

    public static int Flag(bool value) => value ? 1 : 0;

    // A seeded GUID: the same run gives the same ids.
    public static Guid NewId(Random rng)
    {
        Span<byte> bytes = stackalloc byte[16];
        rng.NextBytes(bytes);
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes);
    }

    // A connection for bulk loading: big page cache, no fsync per commit (the file is thrown away on failure).
    public static SqliteConnection OpenForLoad(string database)
    {
        var connection = new SqliteConnection($"Data Source={database};Pooling=False");
        connection.Open();
        using var pragma = connection.CreateCommand();
        pragma.CommandText = "PRAGMA synchronous = OFF; PRAGMA cache_size = -262144; PRAGMA temp_store = MEMORY; PRAGMA foreign_keys = OFF;";
        pragma.ExecuteNonQuery();
        return connection;
    }
}

// One prepared INSERT, executed once per row with new parameter values.
internal sealed class BulkInsert : IDisposable
{
    private readonly SqliteCommand command;
    private readonly SqliteParameter[] parameters;

    public BulkInsert(SqliteConnection connection, string table, params string[] columns)
    {
        command = connection.CreateCommand();
        command.CommandText = $"INSERT INTO {table} ({string.Join(", ", columns)}) VALUES ({string.Join(", ", columns.Select((_, i) => $"$p{i}"))})";
        parameters = columns.Select((_, i) => command.Parameters.Add(new SqliteParameter($"$p{i}", null))).ToArray();
    }

    public int Rows { get; private set; }

    public SqliteTransaction? Transaction
    {
        set => command.Transaction = value;
    }

    public void Row(params object?[] values)
    {
        for (var i = 0; i < parameters.Length; i++)
        {
            parameters[i].Value = values[i] ?? DBNull.Value;
        }

        if (Rows == 0)
        {
            command.Prepare();
        }

        command.ExecuteNonQuery();
        Rows++;
    }

    public void Dispose() => command.Dispose();
}
