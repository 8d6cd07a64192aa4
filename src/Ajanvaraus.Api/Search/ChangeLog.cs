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

    // SQL Server: an IDENTITY or rowversion is taken at insert, not at commit, so a later row can be visible before an
    // earlier one commits. Rows below MIN_ACTIVE_ROWVERSION() are all committed and no open transaction can still add
    // one there: reading only below it never skips a row for good. The seek on IX_AvailabilityChanges_RowVer stays
    // below every open transaction's rows, so under locking READ COMMITTED it does not wait on them either.
    internal static readonly DialectSql ReadSql = new(
        SqlServer: """
            SELECT TOP (@Max) CAST(RowVer AS BIGINT) AS Position, Kind, ResourceId, FromAt, ToAt
            FROM dbo.AvailabilityChanges
            WHERE RowVer > CAST(@After AS BINARY(8)) AND RowVer < MIN_ACTIVE_ROWVERSION()
            ORDER BY RowVer
            """,
        Sqlite: """
            SELECT Position, Kind, ResourceId, FromAt, ToAt
            FROM AvailabilityChanges
            WHERE Position > @After
            ORDER BY Position
            LIMIT @Max
            """);

    // Where a reader starts after a full build: everything up to here is in what it just read.
    internal static readonly DialectSql HeadSql = new(
        SqlServer: """
            SELECT ISNULL(MAX(CAST(RowVer AS BIGINT)), 0) FROM dbo.AvailabilityChanges WHERE RowVer < MIN_ACTIVE_ROWVERSION()
            """,
        Sqlite: "SELECT COALESCE(MAX(Position), 0) FROM AvailabilityChanges");

    internal const string TrimmedThroughSql = "SELECT TrimmedThrough FROM AvailabilityChangeTrim WHERE Id = 1";

    internal static readonly DialectSql TrimSql = new(
        SqlServer: """
            UPDATE dbo.AvailabilityChangeTrim
            SET TrimmedThrough = ISNULL((SELECT MAX(CAST(RowVer AS BIGINT)) FROM dbo.AvailabilityChanges WHERE ChangedAt < @Cutoff),
                TrimmedThrough)
            WHERE Id = 1;
            DELETE FROM dbo.AvailabilityChanges WHERE ChangedAt < @Cutoff;
            """,
        Sqlite: """
            UPDATE AvailabilityChangeTrim
            SET TrimmedThrough = COALESCE((SELECT MAX(Position) FROM AvailabilityChanges WHERE ChangedAt < @Cutoff), TrimmedThrough)
            WHERE Id = 1;
            DELETE FROM AvailabilityChanges WHERE ChangedAt < @Cutoff;
            """);

    // The log is kept this long; an index that has not read that far rebuilds.
    public static readonly TimeSpan KeptFor = TimeSpan.FromDays(1);

    // Deletes rows older than KeptFor (the hourly purge) and records how far it deleted.
    public static async Task<int> TrimAsync(Db db, DateTimeOffset now, CancellationToken ct) =>
        await db.WriteAsync(scope => scope.ExecuteAsync(scope.Sql(TrimSql), new { Cutoff = now - KeptFor }), ct);
}
