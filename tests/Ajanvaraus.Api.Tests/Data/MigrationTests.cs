using Ajanvaraus.Api.Data;
using Ajanvaraus.Api.Tests.Infrastructure;
using Dapper;
using DbUp.Engine;
using Microsoft.Extensions.DependencyInjection;

namespace Ajanvaraus.Api.Tests.Data;

public sealed class MigrationTests
{
    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task StartingAgainReappliesNoMigration(Engine engine)
    {
        await using var app = new AjanvarausApp(engine);
        _ = app.CreateClient();
        var migrator = app.Services.GetRequiredService<SchemaMigrator>();

        Assert.Empty(migrator.Migrate());

        await using var connection = await app.Db.OpenAsync(TestContext.Current.CancellationToken);
        var recorded = await connection.QueryAsync<string>("SELECT ScriptName FROM SchemaVersions");
        Assert.Equal(migrator.Scripts().Select(s => s.Name), recorded.Order());
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task FailingMigrationNamesTheFileAndLeavesNothingHalfDone(Engine engine)
    {
        await using var app = new AjanvarausApp(engine);
        _ = app.CreateClient();
        var migrator = app.Services.GetRequiredService<SchemaMigrator>();
        var broken = new SqlScript("db/test/9999_broken.sql",
            "CREATE TABLE HalfDone (Id INT NOT NULL); INSERT INTO NoSuchTable (Id) VALUES (1);");

        var error = Assert.Throws<InvalidOperationException>(() => migrator.Migrate([broken]));

        Assert.Contains("9999_broken.sql", error.Message);
        Assert.Contains("NoSuchTable", error.Message, StringComparison.OrdinalIgnoreCase);
        await using var connection = await app.Db.OpenAsync(TestContext.Current.CancellationToken);
        var halfDone = await connection.ExecuteScalarAsync<int>(
            app.Engine == Engine.Sqlite
                ? "SELECT COUNT(*) FROM sqlite_master WHERE name = 'HalfDone'"
                : "SELECT COUNT(*) FROM sys.tables WHERE name = 'HalfDone'");
        Assert.Equal(0, halfDone);
    }
}
