using Ajanvaraus.Api.Search;
using Ajanvaraus.Api.Tests.Data;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace Ajanvaraus.Api.Tests.Search;

// The change log's T-SQL, parsed: the shapes READ_COMMITTED_SNAPSHOT and the optimiser need.
public sealed class ChangeLogTSqlTests
{
    [Fact]
    public void TheSafePointIsTakenInAStatementOfItsOwnNotInTheReadingStatement()
    {
        Assert.Contains("MIN_ACTIVE_ROWVERSION", TSql.Functions(ChangeLog.SafePointSql.SqlServer));
        Assert.Single(TSql.Statements(ChangeLog.SafePointSql.SqlServer));
        // Evaluated inside the read, it could pass a row committed after the read's snapshot was taken.
        Assert.DoesNotContain("MIN_ACTIVE_ROWVERSION", TSql.Functions(ChangeLog.ReadSql.SqlServer));
        Assert.DoesNotContain("MIN_ACTIVE_ROWVERSION", TSql.Functions(ChangeLog.HeadSql.SqlServer));
        Assert.Contains("@Below", ChangeLog.ReadSql.SqlServer, StringComparison.Ordinal);
    }

    [Fact]
    public void MaximaOfTheRowVersionAreTakenOfTheColumnAndCastAfterwards()
    {
        var maxima = new[] { ChangeLog.HeadSql.SqlServer, ChangeLog.TrimSql.SqlServer }
            .SelectMany(TSql.All<FunctionCall>).Where(f => f.FunctionName.Value.Equals("MAX", StringComparison.OrdinalIgnoreCase))
            .ToList();

        Assert.NotEmpty(maxima);
        Assert.All(maxima, max => Assert.IsType<ColumnReferenceExpression>(Assert.Single(max.Parameters)));
    }
}
