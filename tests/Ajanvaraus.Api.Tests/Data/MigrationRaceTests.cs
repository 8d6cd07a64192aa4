using Ajanvaraus.Api.Data;
using Ajanvaraus.Api.Tests.Infrastructure;
using Dapper;
using DbUp.Engine;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Ajanvaraus.Api.Tests.Data;

// Instances starting together on an empty database: one migrates, the others wait for it and find nothing to do.
public sealed class MigrationRaceTests
{
    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task TwoMigratorsRacingOnAnEmptyDatabaseBothSucceedAndApplyEachScriptOnce(Engine engine)
    {
        for (var round = 0; round < 3; round++)
        {
            using var database = new TestDatabase(engine);
            var migrators = Enumerable.Range(0, 2).Select(_ => Migrator(database)).ToList();
            using var start = new Barrier(migrators.Count);

            var results = await Task.WhenAll(migrators.Select(m => Task.Run(() =>
            {
                start.SignalAndWait(TestContext.Current.CancellationToken);
                return m.Migrator.Migrate();
            })));

            var scripts = migrators[0].Migrator.Scripts().Select(s => s.Name).ToList();
            Assert.Equal(scripts, results.SelectMany(applied => applied).Order(StringComparer.Ordinal));
            Assert.Equal(scripts, await RecordedAsync(migrators[0].Db));
            foreach (var m in migrators)
            {
                await m.Db.DisposeAsync();
            }
        }
    }

    // Two service processes, as two instances start: before the lock, one in two or three such rounds stopped with
    // "table Providers already exists" (in one process the race did not show).
    [Fact]
    public async Task TwoProcessesMigratingOneEmptySqliteFileBothSucceed()
    {
        var service = typeof(SchemaMigrator).Assembly.Location;
        for (var round = 0; round < 4; round++)
        {
            using var database = new TestDatabase(Engine.Sqlite);
            var runs = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => RunMigrateAsync(service, database)));

            Assert.All(runs, run => Assert.True(run.ExitCode == 0, run.Output));
            var (db, migrator) = Migrator(database);
            await using (db)
            {
                Assert.Equal(migrator.Scripts().Select(s => s.Name), await RecordedAsync(db));
            }
        }
    }

    private static async Task<(int ExitCode, string Output)> RunMigrateAsync(string service, TestDatabase database)
    {
        var info = new System.Diagnostics.ProcessStartInfo("dotnet", [service, "migrate"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = database.Directory,
        };
        info.Environment["Database__ConnectionString"] = database.ConnectionString;
        info.Environment["Auth__SigningKeyFile"] = Path.Combine(database.Directory, $"{Guid.NewGuid():N}.key");
        info.Environment["Hangfire__Server"] = "false";
        using var process = System.Diagnostics.Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return (process.ExitCode, await output + await error);
    }

    private static async Task<List<string>> RecordedAsync(Db db)
    {
        await using var c = await db.OpenAsync(TestContext.Current.CancellationToken);
        return (await c.QueryAsync<string>("SELECT ScriptName FROM SchemaVersions")).Order(StringComparer.Ordinal).ToList();
    }

    [Fact]
    public void ALoginThatMayNotWriteGetsOneClearLineNotAStackTrace()
    {
        using var database = new TestDatabase(Engine.Sqlite);
        var (_, owner) = Migrator(database);
        owner.Migrate();
        SqliteConnection.ClearAllPools();
        var readOnly = $"{database.ConnectionString};Mode=ReadOnly";
        var (_, reader) = Migrator(readOnly);
        var error = new StringWriter();

        // Up to date: a read-only login starts fine.
        Assert.NotNull(reader.TryMigrate(error));
        var (_, late) = Migrator(readOnly);
        var pending = late.Scripts().Append(new SqlScript("db/sqlite/9999_next.sql", "CREATE TABLE Later (Id INTEGER);"));

        var refused = Assert.Throws<InvalidOperationException>(() => late.Migrate(pending));

        Assert.True(refused.Message.Contains("may not write the database", StringComparison.Ordinal), refused.Message);
        Assert.Contains("`migrate`", refused.Message);
        Assert.Empty(error.ToString());
    }

    [Fact]
    public void TryMigrateWritesTheReasonAndAnswersNull()
    {
        using var database = new TestDatabase(Engine.Sqlite);
        File.WriteAllBytes(new SqliteConnectionStringBuilder(database.ConnectionString).DataSource, []);
        var (_, migrator) = Migrator($"{database.ConnectionString};Mode=ReadOnly");
        var error = new StringWriter();

        Assert.Null(migrator.TryMigrate(error));

        var line = Assert.Single(error.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("migrate: the database login may not write the database file.", line);
        Assert.DoesNotContain(" at ", line);
    }

    private static (Db Db, SchemaMigrator Migrator) Migrator(TestDatabase database) => Migrator(database.ConnectionString, database.Engine);

    private static (Db Db, SchemaMigrator Migrator) Migrator(string connectionString, Engine engine = Engine.Sqlite)
    {
        var options = new DatabaseOptions { Provider = engine == Engine.SqlServer ? Dialect.SqlServer : Dialect.Sqlite,
            ConnectionString = connectionString };
        var db = new Db(Options.Create(options));
        return (db, new SchemaMigrator(db, NullLogger<SchemaMigrator>.Instance));
    }
}
