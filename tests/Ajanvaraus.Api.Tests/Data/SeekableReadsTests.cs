using Ajanvaraus.Api.Availability;
using Ajanvaraus.Api.Notifications;
using Ajanvaraus.Api.Tests.Infrastructure;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace Ajanvaraus.Api.Tests.Data;

// The T-SQL shapes that let SQL Server seek instead of scanning (issue 25, item 10), parsed.
public sealed class SeekableReadsTests
{
    private static readonly string Migration = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "db", "sqlserver",
        "0015_covering_indexes.sql"));

    private static List<string> Included(string index) => TSql.All<CreateIndexStatement>(Migration)
        .Single(i => i.Name.Value == index).IncludeColumns.Select(c => c.MultiPartIdentifier.Identifiers[^1].Value).ToList();

    [Fact]
    public void TheProviderIndexCoversTheColumnsItsReadersFilterOn()
    {
        var included = Included("IX_Bookings_Provider");

        Assert.Superset(new HashSet<string> { "ExpertId", "ServicePointId", "Status" }, included.ToHashSet());
    }

    [Fact]
    public void TheDueIndexCarriesClaimedUntilForTheClaimsCandidates() =>
        Assert.Contains("ClaimedUntil", Included("IX_Notifications_Due"));

    [Fact]
    public void TheOutboxListWithOptionalFiltersIsPlannedPerCall()
    {
        var select = Assert.Single(TSql.All<SelectStatement>(NotificationStore.ListSql.SqlServer));

        Assert.Contains(select.OptimizerHints, h => h.HintKind == OptimizerHintKind.Recompile);
    }

    [Fact]
    public void TheConflictsQueryIsBoundedAboveAsWellAsBelow()
    {
        foreach (var sql in new[] { WindowStore.ConflictsFirstPageSql, WindowStore.ConflictsNextPageSql })
        {
            Assert.Contains("b.StartsAt < @Until", sql.SqlServer, StringComparison.Ordinal);
            Assert.Contains("b.StartsAt < @Until", sql.Sqlite, StringComparison.Ordinal);
        }
    }
}
