using Ajanvaraus.Api.Data;
using Ajanvaraus.Api.Search;
using Ajanvaraus.Api.Tests.Data;
using Ajanvaraus.Api.Tests.Infrastructure;
using Dapper;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace Ajanvaraus.Api.Tests.Search;

// The hourly trim of the change log: in batches, each its own transaction, so a national hour of rows never takes a
// table lock on SQL Server (lock escalation at 5,000), and a reader behind it is told how far it went.
public sealed class ChangeLogTrimTests
{
    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task TheTrimDeletesEveryOldRowInBatchesAndRecordsTheLastPositionItDeleted(Engine engine)
    {
        await using var app = new AjanvarausApp(engine);
        var db = app.Db;
        var now = DateTimeOffset.UtcNow;
        var ct = TestContext.Current.CancellationToken;
        await db.WriteAsync(async scope =>
        {
            for (var i = 0; i < 25; i++)
            {
                await scope.ExecuteAsync(Insert(db), new { ChangedAt = now.AddDays(-2) });
            }

            await scope.ExecuteAsync(Insert(db), new { ChangedAt = now });
            return 0;
        }, ct);
        await using var c = await db.OpenAsync(ct);
        var positions = (await c.QueryAsync<long>(db.Sql(Positions))).ToList();

        var trimmed = await ChangeLog.TrimAsync(db, now, ct, take: 10);

        Assert.Equal(25, trimmed);
        Assert.Equal([positions[^1]], (await c.QueryAsync<long>(db.Sql(Positions))).ToList());
        Assert.Equal(positions[^2], await c.ExecuteScalarAsync<long>(ChangeLog.TrimmedThroughSql));
        Assert.Equal(0, await ChangeLog.TrimAsync(db, now, ct, take: 10));
        Assert.Equal(positions[^2], await c.ExecuteScalarAsync<long>(ChangeLog.TrimmedThroughSql));
    }

    [Fact]
    public void TheSqlServerTrimDeletesATopBatchNotEveryOldRow()
    {
        var deletes = TSql.All<DeleteStatement>(ChangeLog.TrimSql.SqlServer);
        var top = TSql.All<TopRowFilter>(ChangeLog.TrimSql.SqlServer);

        Assert.Single(deletes);
        Assert.Equal("@Take", Assert.IsType<VariableReference>(Assert.Single(top).Expression is ParenthesisExpression p
            ? p.Expression : Assert.Single(top).Expression).Name);
    }

    private static string Insert(Db db) => db.Dialect == Dialect.SqlServer
        ? "INSERT INTO dbo.AvailabilityChanges (Kind, ChangedAt) VALUES ('catalogue', @ChangedAt)"
        : "INSERT INTO AvailabilityChanges (Kind, ChangedAt) VALUES ('catalogue', @ChangedAt)";

    private static readonly DialectSql Positions = new(
        SqlServer: "SELECT CAST(RowVer AS BIGINT) FROM dbo.AvailabilityChanges ORDER BY RowVer",
        Sqlite: "SELECT Position FROM AvailabilityChanges ORDER BY Position");
}
