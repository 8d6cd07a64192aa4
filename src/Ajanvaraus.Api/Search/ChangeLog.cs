using System.Data.Common;
using Ajanvaraus.Api.Data;
using Dapper;

namespace Ajanvaraus.Api.Search;

// One row of the change log: what changed (units or windows of a resource, or the catalogue) and when.
internal sealed record ChangeRow
{
    public long Position { get; init; }
    public string Kind { get; init; } = "";
    public Guid? ResourceId { get; init; }
    public DateTimeOffset? FromAt { get; init; }
    public DateTimeOffset? ToAt { get; init; }
}

// The log every change of free time appends to in its own transaction (WriteScope writes it), read by each instance's
// AvailabilityIndex.
internal static class ChangeLog
{
    public const string Units = ChangeKind.Units;
    public const string Windows = ChangeKind.Windows;
    public const string Catalogue = ChangeKind.Catalogue;

    // SQL Server: a rowversion is taken at insert, not at commit, so a later row can be visible before an earlier one
    // commits. Rows below MIN_ACTIVE_ROWVERSION() are all committed and no open transaction can still add one there.
    // Under READ_COMMITTED_SNAPSHOT a statement reads the snapshot of its start but evaluates the function later: a row
    // committed in between lies below the bound yet outside the snapshot, skipped for good. So the safe point is taken
    // in a statement of its own (SafePointSql) and the log read below it in a later one, whose snapshot holds it all.
    internal static readonly DialectSql SafePointSql = new(
        SqlServer: "SELECT CAST(MIN_ACTIVE_ROWVERSION() AS BIGINT) AS Below, CAST(@@DBTS AS BIGINT) AS Head",
        Sqlite: "SELECT 9223372036854775807 AS Below, 0 AS Head");

    internal static readonly DialectSql ReadSql = new(
        SqlServer: """
            SELECT TOP (@Max) CAST(RowVer AS BIGINT) AS Position, Kind, ResourceId, FromAt, ToAt
            FROM dbo.AvailabilityChanges
            WHERE RowVer > CAST(@After AS BINARY(8)) AND RowVer < CAST(@Below AS BINARY(8))
            ORDER BY RowVer
            """,
        Sqlite: """
            SELECT Position, Kind, ResourceId, FromAt, ToAt
            FROM AvailabilityChanges
            WHERE Position > @After AND Position < @Below
            ORDER BY Position
            LIMIT @Max
            """);

    // Where a reader starts after a full build: everything up to here is in what it just read. CAST(MAX()), not
    // MAX(CAST()): the maximum of the column itself is one seek at the end of IX_AvailabilityChanges_RowVer.
    internal static readonly DialectSql HeadSql = new(
        SqlServer: """
            SELECT ISNULL(CAST(MAX(RowVer) AS BIGINT), 0) FROM dbo.AvailabilityChanges WHERE RowVer < CAST(@Below AS BINARY(8))
            """,
        Sqlite: "SELECT COALESCE(MAX(Position), 0) FROM AvailabilityChanges WHERE Position < @Below");

    public static async Task<SafePoint> SafePointAsync(Db db, DbConnection c, CancellationToken ct) =>
        await c.QuerySingleAsync<SafePoint>(new CommandDefinition(db.Sql(SafePointSql), cancellationToken: ct));

    public static async Task<long> HeadAsync(Db db, DbConnection c, SafePoint safe, CancellationToken ct) =>
        await c.ExecuteScalarAsync<long>(new CommandDefinition(db.Sql(HeadSql), new { safe.Below }, cancellationToken: ct));

    public static async Task<List<ChangeRow>> ReadAsync(Db db, DbConnection c, long after, SafePoint safe, int max,
        CancellationToken ct) =>
        (await c.QueryAsync<ChangeRow>(new CommandDefinition(db.Sql(ReadSql), new { After = after, safe.Below, Max = max },
            cancellationToken: ct))).AsList();

    internal const string TrimmedThroughSql = "SELECT TrimmedThrough FROM AvailabilityChangeTrim WHERE Id = 1";

    // One batch of the trim, the oldest rows first, recording how far it went (the greatest position deleted so far).
    // SQL Server: TOP keeps each transaction's locks far below the 5,000 at which it would escalate to a table lock.
    internal static readonly DialectSql TrimSql = new(
        SqlServer: """
            DECLARE @Trimmed TABLE (RowVer BINARY(8) NOT NULL);
            WITH Oldest AS (
                SELECT TOP (@Take) RowVer FROM dbo.AvailabilityChanges WHERE ChangedAt < @Cutoff ORDER BY ChangedAt)
            DELETE FROM Oldest OUTPUT deleted.RowVer INTO @Trimmed;
            UPDATE dbo.AvailabilityChangeTrim
            SET TrimmedThrough = (SELECT CAST(MAX(RowVer) AS BIGINT) FROM @Trimmed)
            WHERE Id = 1 AND (SELECT CAST(MAX(RowVer) AS BIGINT) FROM @Trimmed) > TrimmedThrough;
            SELECT COUNT(*) FROM @Trimmed;
            """,
        Sqlite: """
            UPDATE AvailabilityChangeTrim SET TrimmedThrough = COALESCE((SELECT MAX(Position) FROM (SELECT Position
                FROM AvailabilityChanges WHERE ChangedAt < @Cutoff ORDER BY ChangedAt, Position LIMIT @Take)), TrimmedThrough)
            WHERE Id = 1;
            DELETE FROM AvailabilityChanges WHERE Position IN (
                SELECT Position FROM AvailabilityChanges WHERE ChangedAt < @Cutoff ORDER BY ChangedAt, Position LIMIT @Take);
            SELECT changes();
            """);

    internal const int TrimBatch = 2000;

    // The log is kept this long; an index that has not read that far rebuilds.
    public static readonly TimeSpan KeptFor = TimeSpan.FromDays(1);

    // Deletes rows older than KeptFor (the hourly purge) in batches, one short transaction each; returns how many.
    public static async Task<int> TrimAsync(Db db, DateTimeOffset now, CancellationToken ct, int take = TrimBatch)
    {
        int total = 0, batch;
        do
        {
            var args = new { Cutoff = now - KeptFor, Take = take };
            batch = await db.WriteAsync(scope => scope.ScalarAsync<int>(scope.Sql(TrimSql), args), ct);
            total += batch;
        }
        while (batch == take);

        return total;
    }
}
