using System.Data.Common;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace Ajanvaraus.Api.Data;

/// <summary>The one way to the database: a data source for the configured engine and its dialect.</summary>
internal sealed class Db : IAsyncDisposable
{
    private readonly DbDataSource dataSource;

    // Native SQLite connections that already have their per-connection settings.
    private static readonly object Configured = new();
    private readonly SemaphoreSlim writer = new(1, 1);
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<object, object> configured = [];

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
        if (connection is SqliteConnection sqlite && sqlite.Handle is { } handle && !configured.TryGetValue(handle, out _))
        {
            // Per-connection settings, once per native connection (the pool hands the same one out again and again):
            // foreign keys; SQLite's own busy wait (with back-off) instead of failing at once when another writer
            // holds the lock; NORMAL sync is durable across process crashes in WAL mode.
            await using var pragma = connection.CreateCommand();
            pragma.CommandText = "PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 10000; PRAGMA synchronous = NORMAL;";
            await pragma.ExecuteNonQueryAsync(ct);
            configured.AddOrUpdate(handle, Configured);
        }

        return connection;
    }

    /// <summary>
    /// Begins a write transaction. SQLite admits one writer at a time and makes the others sleep and retry inside
    /// BEGIN (1, 2, 5 ... 100 ms, each blocking a thread-pool thread); this process's writers queue here instead,
    /// without a thread, and get the lock the moment the previous one lets go of it: when its connection closes.
    /// Writers elsewhere (another process, a path that does not come here) still meet busy_timeout.
    /// </summary>
    public async Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken ct)
    {
        if (Dialect != Dialect.Sqlite)
        {
            return await connection.BeginTransactionAsync(ct);
        }

        await writer.WaitAsync(ct);
        var released = 0;
        void Release()
        {
            if (Interlocked.Exchange(ref released, 1) == 0)
            {
                writer.Release();
            }
        }

        connection.StateChange += (_, e) =>
        {
            if (e.CurrentState == System.Data.ConnectionState.Closed)
            {
                Release();
            }
        };
        try
        {
            return await connection.BeginTransactionAsync(ct);
        }
        catch
        {
            Release();
            throw;
        }
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

    // A write or delete broke a foreign key: something still refers to the row (or the parent is gone). SQL Server
    // raises 547 for CHECK constraints too; the message names the constraint in quotes, in any session language, and
    // every constraint of the schema is named FK_… or CK_… (as SQL Server's own generated names are: FK__…, CK__…).
    public static bool IsForeignKeyViolation(Exception exception) => exception switch
    {
        SqlException sql => sql.Number == 547 && NamesConstraint(sql.Message, "FK_"),
        SqliteException sqlite => sqlite.SqliteExtendedErrorCode == 787,
        _ => false,
    };

    // A value broke a CHECK constraint: a bug or a rule the handler should have refused first, not a reference.
    public static bool IsCheckViolation(Exception exception) => exception switch
    {
        SqlException sql => sql.Number == 547 && NamesConstraint(sql.Message, "CK_"),
        SqliteException sqlite => sqlite.SqliteExtendedErrorCode == 275,
        _ => false,
    };

    internal static bool NamesConstraint(string message, string prefix) =>
        message.Contains($"\"{prefix}", StringComparison.Ordinal) || message.Contains($"'{prefix}", StringComparison.Ordinal);

    public ValueTask DisposeAsync() => dataSource.DisposeAsync();

    private static string SqliteConnectionString(string configured)
    {
        // Foreign keys are switched on with the other per-connection settings in OpenAsync: "Foreign Keys=True" here
        // would run its PRAGMA on every open of a pooled connection.
        var builder = new SqliteConnectionStringBuilder(configured)
        {
            Pooling = true,
        };
        if (builder.DefaultTimeout < 30)
        {
            builder.DefaultTimeout = 30;
        }

        return builder.ToString();
    }
}
