using System.Data.Common;
using DbUp;
using DbUp.Engine;
using DbUp.Sqlite.Helpers;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;

namespace Ajanvaraus.Api.Data;

// Applies the numbered scripts of db/{engine}/ (embedded in this assembly) that the database has not seen yet, recorded
// in SchemaVersions. Instances starting together on an empty database must not all run 0001: whoever holds the lock
// reads the journal and migrates; the others wait, then find nothing to do.
internal sealed class SchemaMigrator(Db db, ILogger<SchemaMigrator> logger)
{
    private const string FailureMark = "Ajanvaraus.SchemaMigration";
    private const string LockName = "Ajanvaraus.SchemaMigration";
    private const int LockTimeoutSeconds = 120;

    // SQL Server: a session-owned application lock on a connection of its own, held while DbUp works on others; a
    // waiting instance blocks in sp_getapplock up to the timeout (< 0: not granted). SQLite has no such lock: there the
    // whole migration runs in one BEGIN IMMEDIATE transaction (below), nothing to ask here.
    internal static readonly DialectSql TakeLockSql = new(
        SqlServer: $"""
            DECLARE @Result INT;
            EXEC @Result = sp_getapplock @Resource = N'{LockName}', @LockMode = N'Exclusive', @LockOwner = N'Session',
                @LockTimeout = {LockTimeoutSeconds * 1000};
            SELECT @Result;
            """,
        Sqlite: "SELECT 0");

    // OPENJSON (set-based inserts) needs compatibility level 130 (SQL Server 2016) or later.
    internal static readonly DialectSql CompatibilityLevelSql = new(
        SqlServer: "SELECT compatibility_level FROM sys.databases WHERE name = DB_NAME()",
        Sqlite: "SELECT 160");

    // Asked only when there is something to apply: the service's everyday login need not own the schema.
    internal static readonly DialectSql MayChangeSchemaSql = new(
        SqlServer: """
            SELECT CASE WHEN HAS_PERMS_BY_NAME(NULL, N'DATABASE', N'CREATE TABLE') = 1
                AND HAS_PERMS_BY_NAME(N'dbo', N'SCHEMA', N'ALTER') = 1 THEN 1 ELSE 0 END
            """,
        Sqlite: "SELECT 1");

    // Names sort as Finnish and Swedish readers expect (Å, Ä, Ö after Z); ids are lower-case slugs and GUIDs, so the
    // case-insensitive comparison changes nothing for them. Only used when the migrator creates the database itself:
    // an existing database keeps the collation its DBA chose.
    public const string SqlServerCollation = "Finnish_Swedish_100_CI_AS";

    public IReadOnlyList<SqlScript> Scripts()
    {
        var folder = db.Dialect == Dialect.SqlServer ? "db/sqlserver/" : "db/sqlite/";
        var assembly = typeof(SchemaMigrator).Assembly;
        return assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(folder, StringComparison.Ordinal) && name.EndsWith(".sql", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(name =>
            {
                using var reader = new StreamReader(assembly.GetManifestResourceStream(name)!);
                return new SqlScript(name, reader.ReadToEnd());
            })
            .ToList();
    }

    // The start-up and `migrate` path: the names applied, or null (with one readable line on `error`, no stack trace).
    public IReadOnlyList<string>? TryMigrate(TextWriter error)
    {
        try
        {
            return Migrate();
        }
        catch (InvalidOperationException ex) when (ex.Data.Contains(FailureMark))
        {
            error.WriteLine($"migrate: {ex.Message}");
            return null;
        }
    }

    // Applies what is new of the given scripts (by default this dialect's); returns the names applied.
    public IReadOnlyList<string> Migrate(IEnumerable<SqlScript>? scripts = null)
    {
        var list = (scripts ?? Scripts()).ToList();
        return db.Dialect == Dialect.SqlServer ? MigrateSqlServer(list) : MigrateSqlite(list);
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

        using var lockConnection = new SqlConnection(db.ConnectionString);
        lockConnection.Open();
        if (Scalar(lockConnection, null, TakeLockSql, LockTimeoutSeconds + 30) < 0)
        {
            throw Refused($"another instance held the migration lock for {LockTimeoutSeconds} s; try again when it has finished.");
        }

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

        // Closing lockConnection releases the session lock for the next instance.
        return Upgrade(engine);
    }

    private List<string> MigrateSqlite(List<SqlScript> scripts)
    {
        try
        {
            UseWriteAheadLog();
            using var connection = new SqliteConnection(db.ConnectionString);
            connection.Open();
            // One writer at a time: the journal is read and every new script applied inside one IMMEDIATE transaction,
            // so a second instance waits here (busy_timeout) and then finds the scripts recorded. The transaction is
            // begun in SQL, not through BeginTransaction, so DbUp's commands on this connection run inside it.
            Execute(connection, "PRAGMA busy_timeout = 120000;");
            Execute(connection, "BEGIN IMMEDIATE;");
            var engine = DeployChanges.To.SqliteDatabase(new SharedConnection(connection))
                .WithScripts(scripts).WithoutTransaction().WithVariablesDisabled().LogTo(logger).Build();
            try
            {
                var applied = Upgrade(engine);
                Execute(connection, "COMMIT;");
                return applied;
            }
            catch
            {
                // Nothing of this run stays, journal rows included (unless SQLite already rolled back on its own).
                if (SQLitePCL.raw.sqlite3_get_autocommit(connection.Handle) == 0)
                {
                    Execute(connection, "ROLLBACK;");
                }

                throw;
            }
        }
        catch (SqliteException ex) when (IsReadOnly(ex))
        {
            throw Refused(NoRights("write the database file"), ex);
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode == 14)
        {
            throw Refused($"cannot open the database file ({ex.Message}): check `Database:ConnectionString` and the folder's rights.", ex);
        }
    }

    private static List<string> Upgrade(UpgradeEngine engine)
    {
        var result = engine.PerformUpgrade();
        if (!result.Successful)
        {
            var name = result.ErrorScript?.Name ?? "(unknown script)";
            throw result.Error switch
            {
                SqlException sql when IsPermissionDenied(sql) => Refused($"{NoRights("change the schema")} ({name}: {sql.Message})", sql),
                SqliteException sqlite when IsReadOnly(sqlite) => Refused(NoRights("write the database file"), sqlite),
                _ => Refused($"Migration {name} failed: {result.Error?.Message}", result.Error),
            };
        }

        return result.Scripts.Select(script => script.Name).ToList();
    }

    // SQLITE_READONLY, SQLITE_AUTH: a read-only file or directory, or a connection opened read-only.
    private static bool IsReadOnly(SqliteException ex) => ex.SqliteErrorCode is 8 or 23;

    // 262: CREATE permission denied; 229/230: object or column permission denied; 1088: no such object or no permission.
    private static bool IsPermissionDenied(SqlException ex) => ex.Number is 262 or 229 or 230 or 1088 or 15247;

    private static string NoRights(string what) =>
        $"the database login may not {what}. Run `migrate` once with a login that may (db_ddladmin or db_owner on SQL Server) " +
        "as the deploy step, then start the service with its own login.";

    private static InvalidOperationException Refused(string message, Exception? inner = null)
    {
        var ex = new InvalidOperationException(message, inner);
        ex.Data[FailureMark] = true;
        return ex;
    }

    private int Scalar(DbConnection connection, DbTransaction? tx, DialectSql sql, int timeoutSeconds)
    {
        using var command = connection.CreateCommand();
        command.CommandText = db.Sql(sql);
        command.Transaction = tx;
        command.CommandTimeout = timeoutSeconds;
        return Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    // WAL is a property of the database file: set once, every later connection reads it.
    private void UseWriteAheadLog()
    {
        using var connection = new SqliteConnection(db.ConnectionString);
        connection.Open();
        Execute(connection, "PRAGMA journal_mode = WAL;");
    }
}
