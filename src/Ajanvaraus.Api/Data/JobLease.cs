using System.Data.Common;
using Dapper;

namespace Ajanvaraus.Api.Data;

// The right to run one background job across every instance on the database. SQL Server: an exclusive session
// applock held on a connection of its own for as long as the job runs (gone with the connection if the process
// dies). SQLite: a row in JobLeases with an expiry, renewed by the runner and handed over once it lapses.
internal sealed class JobLease : IAsyncDisposable
{
    // LockTimeout 0: a second runner does not queue behind the first, it skips (the first does the work).
    // Results >= 0 mean granted; -1 timeout. Session-owned, so it outlives the job's own transactions.
    internal static readonly DialectSql AcquireSql = new(
        SqlServer: """
            DECLARE @Result INT;
            EXEC @Result = sp_getapplock @Resource = @Name, @LockMode = 'Exclusive', @LockOwner = 'Session', @LockTimeout = 0;
            SELECT @Result;
            """,
        Sqlite: """
            INSERT INTO JobLeases (Name, Owner, ExpiresAt) VALUES (@Name, @Owner, @ExpiresAt)
            ON CONFLICT (Name) DO UPDATE SET Owner = excluded.Owner, ExpiresAt = excluded.ExpiresAt
            WHERE JobLeases.Owner IS NULL OR JobLeases.ExpiresAt <= @Now OR JobLeases.Owner = excluded.Owner;
            SELECT COUNT(*) FROM JobLeases WHERE Name = @Name AND Owner = @Owner;
            """);

    internal static readonly DialectSql ReleaseSql = new(
        SqlServer: """
            EXEC sp_releaseapplock @Resource = @Name, @LockOwner = 'Session';
            """,
        Sqlite: """
            UPDATE JobLeases SET Owner = NULL, ExpiresAt = @Now WHERE Name = @Name AND Owner = @Owner
            """);

    internal const string RenewSql = """
        UPDATE JobLeases SET ExpiresAt = @ExpiresAt WHERE Name = @Name AND Owner = @Owner
        """;

    internal const string CompletedSql = """
        SELECT Completed FROM JobLeases WHERE Name = @Name
        """;

    // SQL Server: runs under the applock, so no other writer of this row can slip in between UPDATE and INSERT.
    internal static readonly DialectSql CompleteSql = new(
        SqlServer: """
            UPDATE dbo.JobLeases SET Completed = @Completed, Owner = @Owner, ExpiresAt = @Now WHERE Name = @Name;
            IF @@ROWCOUNT = 0
                INSERT INTO dbo.JobLeases (Name, Owner, ExpiresAt, Completed) VALUES (@Name, @Owner, @Now, @Completed);
            """,
        Sqlite: """
            UPDATE JobLeases SET Completed = @Completed WHERE Name = @Name AND Owner = @Owner
            """);

    private readonly Db db;
    private readonly TimeProvider clock;
    private readonly TimeSpan duration;
    private readonly DbConnection? session;

    private JobLease(Db db, TimeProvider clock, string name, string owner, TimeSpan duration, DbConnection? session)
    {
        (this.db, this.clock, Name, Owner, this.duration, this.session) = (db, clock, name, owner, duration, session);
    }

    public string Name { get; }

    public string Owner { get; }

    // Null when another runner holds the job now.
    public static async Task<JobLease?> TryAcquireAsync(Db db, TimeProvider clock, string name, TimeSpan duration, CancellationToken ct)
    {
        var owner = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";
        var now = clock.GetUtcNow();
        var args = new { Name = name, Owner = owner, Now = now, ExpiresAt = now + duration };
        if (db.Dialect == Dialect.SqlServer)
        {
            var session = await db.OpenAsync(ct);
            var granted = await session.ExecuteScalarAsync<int>(new CommandDefinition(db.Sql(AcquireSql), args, cancellationToken: ct));
            if (granted >= 0)
            {
                return new JobLease(db, clock, name, owner, duration, session);
            }

            await session.DisposeAsync();
            return null;
        }

        var held = await db.WriteAsync(scope => scope.ScalarAsync<int>(db.Sql(AcquireSql), args), ct);
        return held == 1 ? new JobLease(db, clock, name, owner, duration, null) : null;
    }

    // What the last full run of this job completed (null if none did).
    public async Task<string?> CompletedAsync(CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        return await c.ExecuteScalarAsync<string?>(new CommandDefinition(CompletedSql, new { Name }, cancellationToken: ct));
    }

    public Task CompleteAsync(string completed, CancellationToken ct) =>
        WriteAsync(db.Sql(CompleteSql), new { Name, Owner, Completed = completed, Now = clock.GetUtcNow() }, ct);

    // Keeps a SQLite lease from lapsing under a long run; the SQL Server applock needs no renewal.
    public Task RenewAsync(CancellationToken ct) =>
        session is not null ? Task.CompletedTask : WriteAsync(RenewSql, new { Name, Owner, ExpiresAt = clock.GetUtcNow() + duration }, ct);

    public async ValueTask DisposeAsync()
    {
        if (session is not null)
        {
            await session.ExecuteAsync(db.Sql(ReleaseSql), new { Name });
            await session.DisposeAsync();
            return;
        }

        await WriteAsync(db.Sql(ReleaseSql), new { Name, Owner, Now = clock.GetUtcNow() }, CancellationToken.None);
    }

    private Task WriteAsync(string sql, object args, CancellationToken ct) => db.WriteAsync(scope => scope.ExecuteAsync(sql, args), ct);
}
