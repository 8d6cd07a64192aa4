using System.Data.Common;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace Ajanvaraus.Api.Data;

/// <summary>The one way to the database: a data source for the configured engine and its dialect.</summary>
internal sealed class Db : IAsyncDisposable
{
    private readonly DbDataSource dataSource;

    public Db(IOptions<DatabaseOptions> options)
    {
        Dialect = options.Value.Provider;
        ConnectionString = Dialect == Dialect.Sqlite
            ? SqliteConnectionString(options.Value.ConnectionString)
            : options.Value.ConnectionString;
        dataSource = Dialect == Dialect.Sqlite
            ? SqliteFactory.Instance.CreateDataSource(ConnectionString)
            : SqlClientFactory.Instance.CreateDataSource(ConnectionString);
    }

    public Dialect Dialect { get; }

    public string ConnectionString { get; }

    public string Sql(DialectSql sql) => Dialect == Dialect.SqlServer ? sql.SqlServer : sql.Sqlite;

    public async Task<DbConnection> OpenAsync(CancellationToken ct)
    {
        var connection = await dataSource.OpenConnectionAsync(ct);
        if (Dialect == Dialect.Sqlite)
        {
            // Per-connection settings: SQLite's own busy wait (with back-off) instead of failing at once
            // when another writer holds the lock; NORMAL sync is durable across process crashes in WAL mode.
            await using var pragma = connection.CreateCommand();
            pragma.CommandText = "PRAGMA busy_timeout = 10000; PRAGMA synchronous = NORMAL;";
            await pragma.ExecuteNonQueryAsync(ct);
        }

        return connection;
    }

    /// <summary>True when a write lost to a unique index or primary key: someone else got there first.</summary>
    public static bool IsUniqueViolation(Exception exception) => exception switch
    {
        SqlException sql => sql.Number is 2601 or 2627,
        SqliteException sqlite => sqlite.SqliteExtendedErrorCode is 2067 or 1555,
        _ => false,
    };

    /// <summary>
    /// True when SQL Server chose this transaction as a deadlock victim (1205): two writers reached for the same
    /// rows, and the other one won — for a booking, the same as losing the race.
    /// </summary>
    public static bool IsDeadlockVictim(Exception exception) => exception is SqlException { Number: 1205 };

    /// <summary>True when a write or delete broke a foreign key: something still refers to the row.</summary>
    public static bool IsForeignKeyViolation(Exception exception) => exception switch
    {
        SqlException sql => sql.Number == 547,
        SqliteException sqlite => sqlite.SqliteExtendedErrorCode == 787,
        _ => false,
    };

    public ValueTask DisposeAsync() => dataSource.DisposeAsync();

    private static string SqliteConnectionString(string configured)
    {
        var builder = new SqliteConnectionStringBuilder(configured)
        {
            ForeignKeys = true,
            Pooling = true,
        };
        if (builder.DefaultTimeout < 30)
        {
            builder.DefaultTimeout = 30;
        }

        return builder.ToString();
    }
}
