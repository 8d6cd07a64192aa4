using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace Ajanvaraus.Api.Tests.Data;

// T-SQL as SQL Server 2022 parses it, for tests that look at a text's shape (SQL Server cannot run here).
public static class TSql
{
    public static TSqlFragment Parse(string sql)
    {
        var fragment = new TSql160Parser(initialQuotedIdentifiers: true).Parse(new StringReader(sql), out var errors);
        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => $"line {e.Line}: {e.Message}")));
        return fragment;
    }

    public static List<T> All<T>(string sql)
        where T : TSqlFragment
    {
        var visitor = new Collector<T>();
        Parse(sql).Accept(visitor);
        return visitor.Found;
    }

    public static List<T> All<T>(TSqlFragment fragment)
        where T : TSqlFragment
    {
        var visitor = new Collector<T>();
        fragment.Accept(visitor);
        return visitor.Found;
    }

    public static List<string> Functions(string sql) =>
        All<FunctionCall>(sql).Select(f => f.FunctionName.Value.ToUpperInvariant()).ToList();

    public static List<TSqlStatement> Statements(string sql) =>
        ((TSqlScript)Parse(sql)).Batches.SelectMany(b => b.Statements).ToList();

    private sealed class Collector<T> : TSqlFragmentVisitor
        where T : TSqlFragment
    {
        public List<T> Found { get; } = [];

        public override void Visit(TSqlFragment fragment)
        {
            if (fragment is T found)
            {
                Found.Add(found);
            }
        }
    }
}
