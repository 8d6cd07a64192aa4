using Dapper;
using DbUp;
using DbUp.Engine;
using Hangfire.SqlServer;
using Microsoft.Data.SqlClient;

namespace Ajanvaraus.Api.Data;

// The SQL Server side of the migrator: the migration lock, the checks of the database, DbUp, and Hangfire's schema.
internal sealed partial class SchemaMigrator
{
    private const string LockName = "Ajanvaraus.SchemaMigration";

    // Hangfire's own objects live in this schema; the service starts with PrepareSchemaIfNecessary = false.
    public const string JobSchema = "HangFire";

    private int LockWaitSeconds => options?.Value.MigrationLockSeconds ?? DatabaseOptions.DefaultMigrationLockSeconds;

    // SQL Server: a session-owned application lock on a connection of its own, held while DbUp works on others; a
    // waiting instance blocks in sp_getapplock up to the timeout (< 0: not granted). SQLite has no such lock: there the
    // whole migration runs in one BEGIN IMMEDIATE transaction, nothing to ask here.
    internal static readonly DialectSql TakeLockSql = new(
        SqlServer: $"""
            DECLARE @Result INT;
            EXEC @Result = sp_getapplock @Resource = N'{LockName}', @LockMode = N'Exclusive', @LockOwner = N'Session',
                @LockTimeout = @TimeoutMs;
            SELECT @Result;
            """,
        Sqlite: "SELECT 0");

    // A session lock outlives a pooled connection's Dispose (the pool keeps the session until it is reset): released
    // here by name, and the connection is opened unpooled besides.
    internal static readonly DialectSql ReleaseLockSql = new(
        SqlServer: $"EXEC sp_releaseapplock @Resource = N'{LockName}', @LockOwner = N'Session';",
        Sqlite: "SELECT 0");

    // OPENJSON (set-based inserts) needs compatibility level 130 (SQL Server 2016) or later.
    internal static readonly DialectSql CompatibilityLevelSql = new(
        SqlServer: "SELECT compatibility_level FROM sys.databases WHERE name = DB_NAME()",
        Sqlite: "SELECT 160");

    // The service's reasoning about visibility (the change log, claims, holds) is written for READ_COMMITTED_SNAPSHOT.
    internal static readonly DialectSql SnapshotReadsSql = new(
        SqlServer: "SELECT CAST(is_read_committed_snapshot_on AS INT) FROM sys.databases WHERE name = DB_NAME()",
        Sqlite: "SELECT 1");

    internal static readonly DialectSql JobSchemaExistsSql = new(
        SqlServer: $"SELECT CASE WHEN OBJECT_ID(N'[{JobSchema}].[Schema]', N'U') IS NULL THEN 0 ELSE 1 END",
        Sqlite: "SELECT 1");

    // Asked only when there is something to apply: the service's everyday login need not own the schema.
    internal static readonly DialectSql MayChangeSchemaSql = new(
        SqlServer: """
            SELECT CASE WHEN HAS_PERMS_BY_NAME(NULL, N'DATABASE', N'CREATE TABLE') = 1
                AND HAS_PERMS_BY_NAME(N'dbo', N'SCHEMA', N'ALTER') = 1 THEN 1 ELSE 0 END
            """,
        Sqlite: "SELECT 1");

    // The warning's text, or null when reads are snapshot reads (pure, for the test).
    internal static string? SnapshotWarning(bool snapshotReadsOn, string database) => snapshotReadsOn ? null
        : $"warning: READ_COMMITTED_SNAPSHOT is OFF on database {database}: readers then wait on writers' locks and " +
          "bookings block each other. Set it once as a deploy step (no connection may be open): " +
          $"ALTER DATABASE [{database}] SET READ_COMMITTED_SNAPSHOT ON WITH ROLLBACK IMMEDIATE;";

    private void WarnUnlessSnapshotReads(TextWriter error)
    {
        if (db.Dialect != Dialect.SqlServer)
        {
            return;
        }

        using var c = new SqlConnection(db.ConnectionString);
        c.Open();
        if (SnapshotWarning(Scalar(c, null, SnapshotReadsSql, 30) == 1, c.Database) is { } warning)
        {
            error.WriteLine($"migrate: {warning}");
            logger.LogCritical("{Warning}", warning);
        }
    }

    // `migrate` installs or upgrades Hangfire's objects (its script is idempotent); a start-up only when they are
    // missing, and only with a login that may: the everyday login never needs DDL rights for them.
    private void EnsureJobSchema(bool always)
    {
        using var c = new SqlConnection(db.ConnectionString);
        c.Open();
        if (!always && Scalar(c, null, JobSchemaExistsSql, 30) == 1)
        {
            return;
        }

        if (Scalar(c, null, MayChangeSchemaSql, 30) != 1)
        {
            throw Refused(NoRights("install Hangfire's schema"));
        }

        SqlServerObjectsInstaller.Install(c, JobSchema, enableHeavyMigrations: true);
    }

    private List<string> MigrateSqlServer(List<SqlScript> scripts)
    {
        try
        {
            EnsureDatabase.For.SqlDatabase(db.ConnectionString, SqlServerCollation);
        }
        catch (SqlException ex) when (ex.Number == 1801)
        {
            // Another instance created it a moment ago.
        }
        catch (SqlException ex) when (IsPermissionDenied(ex))
        {
            throw Refused(NoRights("create the database"), ex);
        }

        var unpooled = new SqlConnectionStringBuilder(db.ConnectionString) { Pooling = false }.ConnectionString;
        using var lockConnection = new SqlConnection(unpooled);
        lockConnection.Open();
        var wait = LockWaitSeconds;
        if (lockConnection.ExecuteScalar<int>(new CommandDefinition(db.Sql(TakeLockSql), new { TimeoutMs = wait * 1000 },
                commandTimeout: wait + 30)) < 0)
        {
            throw Refused($"another instance held the migration lock for {wait} s (Database:MigrationLockSeconds); " +
                "try again when it has finished.");
        }

        try
        {
            var level = Scalar(lockConnection, null, CompatibilityLevelSql, 30);
            if (level < 130)
            {
                throw Refused($"the database's compatibility level is {level}; the service needs 130 (SQL Server 2016) or later " +
                    "(ALTER DATABASE … SET COMPATIBILITY_LEVEL = 160).");
            }

            var engine = DeployChanges.To.SqlDatabase(db.ConnectionString)
                .WithScripts(scripts).WithTransactionPerScript().WithVariablesDisabled().LogTo(logger).Build();
            if (engine.GetScriptsToExecute().Count > 0 && Scalar(lockConnection, null, MayChangeSchemaSql, 30) != 1)
            {
                throw Refused(NoRights("change the schema"));
            }

            return Upgrade(engine);
        }
        finally
        {
            try
            {
                Scalar(lockConnection, null, ReleaseLockSql, 30);
            }
            catch (SqlException ex)
            {
                // The session is gone (and its lock with it): the migration's own outcome is what to report.
                logger.LogWarning(ex, "Could not release the migration lock.");
            }
        }
    }
}
