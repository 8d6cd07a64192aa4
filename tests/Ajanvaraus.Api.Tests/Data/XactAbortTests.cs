using Ajanvaraus.Api.Bookings;
using Ajanvaraus.Api.Data;
using Ajanvaraus.Api.Tests.Infrastructure;
using Dapper;
using Microsoft.Data.SqlClient;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace Ajanvaraus.Api.Tests.Data;

// A server or login whose `user options` set XACT_ABORT ON would doom the transaction on a caught unique violation
// (error 3930, a 500): every caught statement states XACT_ABORT OFF for its own batch first.
public sealed class XactAbortTests
{
    public static TheoryData<string> CaughtStatements => new(
        UnitLedger.InsertUnitsSql.SqlServer, IdempotencyLedger.ClaimSql, Api.Services.ServiceStore.DeleteSql);

    [Theory]
    [MemberData(nameof(CaughtStatements))]
    public void ACaughtStatementsBatchTurnsXactAbortOffBeforeTheStatement(string sql)
    {
        var statements = TSql.Statements(WriteScope.CaughtSql(Dialect.SqlServer, sql));

        var set = Assert.IsType<PredicateSetStatement>(statements[0]);
        Assert.Equal(SetOptions.XactAbort, set.Options);
        Assert.False(set.IsOn);
        Assert.True(statements.Count >= 2);
    }

    [Fact]
    public void SqliteGetsTheStatementUnchanged() =>
        Assert.Equal(IdempotencyLedger.ClaimSql, WriteScope.CaughtSql(Dialect.Sqlite, IdempotencyLedger.ClaimSql));

    [Fact]
    public async Task OnSqlServerACaughtUniqueViolationUnderXactAbortOnLeavesTheTransactionUsable()
    {
        using var database = new TestDatabase(Engine.SqlServer);
        var ct = TestContext.Current.CancellationToken;
        var builder = new SqlConnectionStringBuilder(database.ConnectionString) { InitialCatalog = "master" };
        await using var c = new SqlConnection(builder.ConnectionString);
        await c.OpenAsync(ct);
        await c.ExecuteAsync("CREATE TABLE #Units (Id INT NOT NULL PRIMARY KEY); SET XACT_ABORT ON;");
        await using var tx = c.BeginTransaction();
        await c.ExecuteAsync("INSERT INTO #Units (Id) VALUES (1)", transaction: tx);

        await Assert.ThrowsAsync<SqlException>(() => c.ExecuteAsync(WriteScope.CaughtSql(Dialect.SqlServer,
            "INSERT INTO #Units (Id) VALUES (1)"), transaction: tx));

        Assert.Equal(1, await c.ExecuteScalarAsync<int>("SELECT XACT_STATE()", transaction: tx));
        await c.ExecuteAsync("INSERT INTO #Units (Id) VALUES (2)", transaction: tx);
        await tx.CommitAsync(ct);
    }
}
