using System.Data.Common;
using DbUp;
using DbUp.Engine;
using DbUp.Sqlite.Helpers;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace Ajanvaraus.Api.Data;

// Applies the numbered scripts of db/{engine}/ (embedded in this assembly) that the database has not seen yet, recorded
// in SchemaVersions. Instances starting together on an empty database must not all run 0001: whoever holds the lock
// reads the journal and migrates; the others wait, then find nothing to do.
internal sealed partial class SchemaMigrator(Db db, ILogger<SchemaMigrator> logger, IOptions<DatabaseOptions>? options = null)
{
    private const string FailureMark = "Ajanvaraus.SchemaMigration";
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
    public IReadOnlyList<string>? TryMigrate(TextWriter error, bool installJobSchema = false)
    {
        try
        {
            var applied = Migrate();
            WarnUnlessSnapshotReads(error);
            if (db.Dialect == Dialect.SqlServer)
            {
                EnsureJobSchema(always: installJobSchema);
            }

            return applied;
        }
        catch (InvalidOperationException ex) when (ex.Data.Contains(FailureMark))
        {
            error.WriteLine($"migrate: {ex.Message}");
            return null;
        }
        catch (SqlException ex)
        {
            // A wrong login, an unknown server, a network failure: one line and exit code 1, not a stack trace.
            error.WriteLine($"migrate: SQL Server refused the connection or could not be reached (error {ex.Number}): " +
                ex.Message.ReplaceLineEndings(" "));
            return null;
        }
    }

    // Applies what is new of the given scripts (by default this dialect's); returns the names applied.
    public IReadOnlyList<string> Migrate(IEnumerable<SqlScript>? scripts = null)
    {
        var list = (scripts ?? Scripts()).ToList();
        return db.Dialect == Dialect.SqlServer ? MigrateSqlServer(list) : MigrateSqlite(list);
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
