using DbUp;
using DbUp.Builder;
using DbUp.Engine;
using Microsoft.Data.Sqlite;

namespace Ajanvaraus.Api.Data;

/// <summary>
/// Applies the numbered scripts of db/{engine}/ (embedded in this assembly) that the database has not
/// seen yet, each in its own transaction, recording each in SchemaVersions.
/// </summary>
internal sealed class SchemaMigrator(Db db, ILogger<SchemaMigrator> logger)
{
    /// <summary>The scripts of this engine's dialect, in the order they apply.</summary>
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

    /// <summary>Applies what is new of the given scripts (by default this dialect's); returns the names applied.</summary>
    public IReadOnlyList<string> Migrate(IEnumerable<SqlScript>? scripts = null)
    {
        if (db.Dialect == Dialect.Sqlite)
        {
            UseWriteAheadLog();
        }
        else
        {
            EnsureDatabase.For.SqlDatabase(db.ConnectionString);
        }

        var engine = Target(DeployChanges.To)
            .WithScripts(scripts ?? Scripts())
            .WithTransactionPerScript()
            .WithVariablesDisabled()
            .LogTo(logger)
            .Build();

        var result = engine.PerformUpgrade();
        if (!result.Successful)
        {
            throw new InvalidOperationException(
                $"Migration {result.ErrorScript?.Name ?? "(unknown script)"} failed: {result.Error?.Message}", result.Error);
        }

        return result.Scripts.Select(script => script.Name).ToList();
    }

    private UpgradeEngineBuilder Target(SupportedDatabases to) => db.Dialect == Dialect.SqlServer
        ? to.SqlDatabase(db.ConnectionString)
        : to.SqliteDatabase(db.ConnectionString);

    // WAL is a property of the database file: set once, every later connection reads it.
    private void UseWriteAheadLog()
    {
        using var connection = new SqliteConnection(db.ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode = WAL;";
        command.ExecuteNonQuery();
    }
}
