using System.Data.Common;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;

namespace Ajanvaraus.Api.Data;

// The way to the database: a data source for the configured engine and its dialect, and the one door to a write.
internal sealed class Db : IAsyncDisposable
{
    // A deadlock victim (SQL Server 1205) or a busy SQLite file (a writer in another process) has lost nothing: the
    // whole transaction runs again a few times before the caller is told to retry (503, TransientDatabaseErrorHandler).
    private static readonly ResiliencePipeline TransientRetry = new ResiliencePipelineBuilder()
        .AddRetry(new RetryStrategyOptions
        {
            ShouldHandle = new PredicateBuilder().Handle<Exception>(IsTransient),
            MaxRetryAttempts = 3,
            Delay = TimeSpan.FromMilliseconds(20),
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
        })
        .Build();

    private readonly DbDataSource dataSource;

    // Native SQLite connections that already have their per-connection settings.
    private static readonly object Configured = new();
    private readonly SemaphoreSlim writer = new(1, 1);
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<object, object> configured = [];

    private readonly TimeProvider clock;
    private readonly IServiceProvider? services;
    private ICommitFollower[]? followers;

    // Followers are resolved at the first write, not here: they read through this Db themselves.
    public Db(IOptions<DatabaseOptions> options, TimeProvider? clock = null, IServiceProvider? services = null)
    {
        this.clock = clock ?? TimeProvider.System;
        this.services = services;
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

    // A new id in this engine's order (Ids); every app-made id comes from here.
    public Guid NewId() => Ids.New(Dialect, DateTimeOffset.UtcNow);

    // Connections opened so far (reads and writes): what a request costs the database, as tests and the bench count it.
    public long Opened => Interlocked.Read(ref opened);

    private long opened;

    public async Task<DbConnection> OpenAsync(CancellationToken ct)
    {
        Interlocked.Increment(ref opened);
        var connection = await dataSource.OpenConnectionAsync(ct);
        if (connection is SqliteConnection sqlite && sqlite.Handle is { } handle && !configured.TryGetValue(handle, out _))
        {
            // Per-connection settings, once per native connection (the pool hands the same one out again and again):
            // foreign keys; SQLite's own busy wait (with back-off) instead of failing at once when another writer
            // holds the lock; NORMAL sync is durable across process crashes in WAL mode; secure_delete zeroes what a
            // delete or update frees, so purged personal data does not stay readable in the file (issue 22).
            await using var pragma = connection.CreateCommand();
            pragma.CommandText =
                "PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 10000; PRAGMA synchronous = NORMAL; PRAGMA secure_delete = ON;";
            await pragma.ExecuteNonQueryAsync(ct);
            configured.AddOrUpdate(handle, Configured);
        }

        return connection;
    }

    // The only way to write: opens, begins through the writer queue, runs the work on a scope, appends the change-log
    // rows the work recorded, commits, then lets this instance's followers apply the change (the index, the dispatch
    // kick). A transient failure runs it all again from the start on a new connection and a new scope, so the work must
    // derive everything from its inputs. Work that decides to write nothing simply returns (an empty commit); an
    // exception rolls everything back.
    public async Task<T> WriteAsync<T>(Func<WriteScope, Task<T>> work, CancellationToken ct)
    {
        WriteScope? committed = null;
        var result = await TransientRetry.ExecuteAsync(
            async token =>
            {
                await using var c = await OpenAsync(token);
                await using var tx = await BeginWriteAsync(c, token);
                var scope = new WriteScope(this, c, tx, clock.GetUtcNow(), token);
                var answer = await work(scope);
                if (scope.Discarded)
                {
                    await tx.RollbackAsync(token);
                    return answer;
                }

                await scope.AppendChangesAsync();
                await tx.CommitAsync(token);
                committed = scope;
                return answer;
            },
            ct);
        if (committed is not null)
        {
            await FollowAsync(committed.Committed, ct);
        }

        return result;
    }

    public Task WriteAsync(Func<WriteScope, Task> work, CancellationToken ct) =>
        WriteAsync(async scope =>
        {
            await work(scope);
            return true;
        }, ct);

    private async Task FollowAsync(CommittedWrite write, CancellationToken ct)
    {
        if (!write.ChangedAvailability && write.BookingsWithMessages.Count == 0)
        {
            return;
        }

        foreach (var follower in followers ??= services?.GetServices<ICommitFollower>().ToArray() ?? [])
        {
            try
            {
                await follower.FollowAsync(write, ct);
            }
            catch (Exception ex) when (ex is DbException or OperationCanceledException or InvalidOperationException)
            {
                // The write is committed; the index catches up at its next poll, the recurring dispatch sends.
                services?.GetRequiredService<ILogger<Db>>().LogWarning(ex, "Could not follow a committed write at once.");
            }
        }
    }

    // SQLite admits one writer at a time and makes the others sleep and retry inside BEGIN (1, 2, 5 ... 100 ms, each
    // blocking a thread-pool thread); this process's writers queue here instead, without a thread, and get the lock
    // the moment the previous one lets go of it: when its connection closes. Writers in another process still meet
    // busy_timeout. Private: WriteAsync is the one door to a write transaction.
    private async Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken ct)
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

    // A write lost to a unique index or primary key: someone else got there first.
    public static bool IsUniqueViolation(Exception exception) => exception switch
    {
        SqlException sql => sql.Number is 2601 or 2627,
        SqliteException sqlite => sqlite.SqliteExtendedErrorCode is 2067 or 1555,
        _ => false,
    };

    // Worth running the whole transaction again: a deadlock victim (1205) or a lock timeout (1222) on SQL Server; a
    // busy or locked file on SQLite. Neither says anything about who has the time.
    public static bool IsTransient(Exception exception) => exception switch
    {
        SqlException sql => sql.Number is 1205 or 1222,
        SqliteException sqlite => sqlite.SqliteErrorCode is 5 or 6,
        _ => false,
    };

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
