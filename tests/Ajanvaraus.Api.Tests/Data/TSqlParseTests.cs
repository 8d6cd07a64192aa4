using Ajanvaraus.Api.Tests.Infrastructure;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace Ajanvaraus.Api.Tests.Data;

// SQL Server cannot run here, so every T-SQL text is at least parsed as SQL Server 2022 would.
public sealed class TSqlParseTests
{
    [Fact]
    public void EverySqlServerMigrationParses()
    {
        var scripts = Directory.GetFiles(Path.Combine(RepositoryRoot.Path, "db", "sqlserver"), "*.sql");
        Assert.NotEmpty(scripts);
        var failures = scripts.SelectMany(path => Errors(Path.GetFileName(path), File.ReadAllText(path))).ToList();
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public void EverySqlServerQueryInTheCodeParses()
    {
        var texts = SqlTexts.ForSqlServer();
        Assert.True(texts.Count >= 5, "Expected the stores' SQL texts to be found.");
        var failures = texts.SelectMany(t => Errors(t.Name, t.Text)).ToList();
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public void MigrationsComeInPairsWithTheSameNumbers()
    {
        static string[] Names(string dialect) => Directory.GetFiles(Path.Combine(RepositoryRoot.Path, "db", dialect),
            "*.sql").Select(Path.GetFileName).Order().ToArray()!;
        Assert.Equal(Names("sqlite"), Names("sqlserver"));
    }

    private static IEnumerable<string> Errors(string name, string sql)
    {
        new TSql160Parser(initialQuotedIdentifiers: true).Parse(new StringReader(sql), out var errors);
        return errors.Select(e => $"{name} line {e.Line}, column {e.Column}: {e.Message}");
    }
}
