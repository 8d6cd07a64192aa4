using System.Data.SqlTypes;
using Ajanvaraus.Api.Data;

namespace Ajanvaraus.Api.Tests.Data;

// Ids made later sort later in each engine's own order: SqlGuid compares as SQL Server does, SQLite compares text.
public sealed class IdsTests
{
    private static readonly DateTimeOffset Start = DateTimeOffset.Parse("2026-12-01T10:00:00Z");

    [Fact]
    public void SqlServerIdsMadeLaterSortLaterInSqlServersOrder()
    {
        var ids = Enumerable.Range(0, 500).Select(i => Ids.New(Dialect.SqlServer, Start.AddMilliseconds(i * 7))).ToList();

        var sorted = ids.OrderBy(id => new SqlGuid(id)).ToList();

        Assert.Equal(ids, sorted);
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    [Fact]
    public void SqliteIdsMadeLaterSortLaterAsText()
    {
        var ids = Enumerable.Range(0, 500).Select(i => Ids.New(Dialect.Sqlite, Start.AddMilliseconds(i * 7))).ToList();

        Assert.Equal(ids, ids.OrderBy(id => id.ToString("D"), StringComparer.Ordinal).ToList());
    }

    [Fact]
    public void VersionSevenIdsWouldScatterInSqlServersOrder()
    {
        // Why Ids exists: the plain version-7 ids of the same moments are not in creation order for SQL Server.
        var ids = Enumerable.Range(0, 500).Select(i => Guid.CreateVersion7(Start.AddMilliseconds(i * 7))).ToList();

        Assert.NotEqual(ids, ids.OrderBy(id => new SqlGuid(id)).ToList());
    }
}
