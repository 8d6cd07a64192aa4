using System.Diagnostics;
using Ajanvaraus.Api.Data;
using Ajanvaraus.Api.Hosting;
using Ajanvaraus.Api.Tests.Infrastructure;
using Dapper;
using Hangfire.SqlServer;
using Microsoft.Data.SqlClient;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace Ajanvaraus.Api.Tests.Data;

// The deploy steps on SQL Server: migrate (with Hangfire's schema) under a lock it releases, RCSI checked, and a
// failure to reach the server told in one line.
public sealed class SqlServerDeployTests
{
    [Fact]
    public async Task AnUnreachableSqlServerDuringMigrateIsOneLineAndExitCodeOne()
    {
        var directory = Directory.CreateTempSubdirectory("ajanvaraus-deploy-");
        try
        {
            var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "Ajanvaraus.Api.dll"), "migrate"])
            {
                WorkingDirectory = directory.FullName, RedirectStandardOutput = true, RedirectStandardError = true,
            };
            start.Environment["Database__Provider"] = "SqlServer";
            // Port 1 on loopback: refused at once, as a wrong host or a closed firewall would be after the timeout.
            start.Environment["Database__ConnectionString"] =
                "Server=tcp:127.0.0.1,1;Database=Ajanvaraus;User Id=app;Password=x;Connect Timeout=3;TrustServerCertificate=True";
            start.Environment["Auth__SigningKeyFile"] = Path.Combine(directory.FullName, "key");
            start.Environment["Hangfire__Server"] = "false";
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
            var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
            await process.WaitForExitAsync(timeout.Token);

            Assert.Equal(1, process.ExitCode);
            var line = Assert.Single((await error).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            Assert.StartsWith("migrate: SQL Server refused the connection or could not be reached", line);
            Assert.DoesNotContain(" at Microsoft.", await output + line);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public void TheServiceStartsHangfireWithoutPreparingItsSchema()
    {
        var options = HangfireExtensions.SqlServerStorageOptions();

        Assert.False(options.PrepareSchemaIfNecessary);
        Assert.Equal(SchemaMigrator.JobSchema, options.SchemaName);
    }

    [Fact]
    public void HangfiresInstallScriptThatMigrateRunsParsesAsOneBatch()
    {
        var script = SqlServerObjectsInstaller.GetInstallScript(SchemaMigrator.JobSchema, enableHeavyMigrations: true);

        var batches = ((TSqlScript)TSql.Parse(script)).Batches;
        Assert.Single(batches);
        Assert.Contains($"[{SchemaMigrator.JobSchema}]", script, StringComparison.Ordinal);
    }

    [Fact]
    public void TheMigrationLockIsReleasedByTheNameItWasTakenBy()
    {
        static (string Procedure, string Resource) Call(string sql)
        {
            var exec = TSql.All<ExecuteSpecification>(sql).Single();
            var call = (ExecutableProcedureReference)exec.ExecutableEntity;
            var resource = call.Parameters.Single(p => p.Variable?.Name == "@Resource").ParameterValue;
            return (call.ProcedureReference.ProcedureReference.Name.BaseIdentifier.Value, ((StringLiteral)resource).Value);
        }

        var take = Call(SchemaMigrator.TakeLockSql.SqlServer);
        var release = Call(SchemaMigrator.ReleaseLockSql.SqlServer);

        Assert.Equal(("sp_getapplock", "sp_releaseapplock"), (take.Procedure, release.Procedure));
        Assert.Equal(take.Resource, release.Resource);
        Assert.Contains("@LockTimeout = @TimeoutMs", SchemaMigrator.TakeLockSql.SqlServer, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadCommittedSnapshotOffIsALoudWarningThatSaysHowToSetIt()
    {
        Assert.Null(SchemaMigrator.SnapshotWarning(snapshotReadsOn: true, "Ajanvaraus"));
        var warning = SchemaMigrator.SnapshotWarning(snapshotReadsOn: false, "Ajanvaraus");

        Assert.NotNull(warning);
        var statement = Assert.IsType<AlterDatabaseSetStatement>(Assert.Single(TSql.Statements(warning[warning.IndexOf("ALTER", StringComparison.Ordinal)..])));
        Assert.Equal("Ajanvaraus", statement.DatabaseName.Value);
    }

    [Fact]
    public async Task MigrateOnSqlServerInstallsHangfireWarnsOfRcsiOffAndLeavesTheLockFree()
    {
        using var database = new TestDatabase(Engine.SqlServer);
        var db = new Db(Options.Create(new DatabaseOptions { Provider = Dialect.SqlServer, ConnectionString = database.ConnectionString,
            MigrationLockSeconds = 5 }));
        var migrator = new SchemaMigrator(db, NullLogger<SchemaMigrator>.Instance,
            Options.Create(new DatabaseOptions { MigrationLockSeconds = 5 }));
        var error = new StringWriter();

        Assert.NotNull(migrator.TryMigrate(error, installJobSchema: true));

        // A fresh database has RCSI off (on-premises default): said, not silently assumed.
        Assert.Contains("READ_COMMITTED_SNAPSHOT is OFF", error.ToString());
        await using var c = new SqlConnection(database.ConnectionString);
        await c.OpenAsync(TestContext.Current.CancellationToken);
        Assert.NotNull(await c.ExecuteScalarAsync<int?>($"SELECT OBJECT_ID(N'[{SchemaMigrator.JobSchema}].[Job]')"));
        Assert.Equal(1, await c.ExecuteScalarAsync<int>(
            "SELECT APPLOCK_TEST('public', N'Ajanvaraus.SchemaMigration', 'Exclusive', 'Session')"));
        await db.DisposeAsync();
    }
}
