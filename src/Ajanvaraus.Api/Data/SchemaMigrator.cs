using DbUp;
using DbUp.Builder;
using Microsoft.Data.Sqlite;

namespace Ajanvaraus.Api.Data;

/// <summary>
/// Applies the numbered scripts of db/{engine}/ (embedded in this assembly) that the database has not
/// seen yet, each in its own transaction, recording each in SchemaVersions.
/// </summary>
internal sealed class SchemaMigrator(Db db, ILogger<SchemaMigrator> logger)
{
    public IReadOnlyList<string> Migrate()
    {
        var folder = db.Dialect == Dialect.SqlServer ? "db/sqlserver/" : "db/sqlite/";
        if (db.Dialect == Dialect.Sqlite)
        {
            UseWriteAheadLog();
        }
        else
        {
            EnsureDatabase.For.SqlDatabase(db.ConnectionString);
        }

        var engine = Target(DeployChanges.To)
            .WithScriptsEmbeddedInAssembly(typeof(SchemaMigrator).Assembly, name => name.StartsWith(folder, StringComparison.Ordinal))
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
