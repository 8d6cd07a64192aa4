using Ajanvaraus.Api.Data;
using Dapper;
using Microsoft.Extensions.Options;

namespace Ajanvaraus.Api.Privacy;

// What one purge removed.
public sealed record PurgeReport(int AnonymizedBookings, int DeletedReplays, int DeletedMessages);

// Removes the customer data of bookings that ended longer ago than their provider's retention: name, e-mail, phone and
// notes blanked, advisers' free-text reasons in the history cleared, the idempotency replays (they hold the manage
// token) and the outbox rows and secrets deleted. Ids, times, status and channel stay for statistics and audit; the
// booking is marked anonymized. A booking that has not ended is never touched (its end is older than the cut-off,
// which is at least a day in the past). Small batches, each one short write transaction (on SQL Server a batch locks a
// few hundred rows, far below lock escalation, and a booking change waiting on one of them waits milliseconds).
internal sealed class RetentionPurge(Db db, TimeProvider clock, IOptions<PrivacyOptions> options, ILogger<RetentionPurge> logger)
{
    internal const int BatchSize = 200;

    internal const string ProvidersSql = """
        SELECT Id, COALESCE(RetentionDays, 0) AS RetentionDays FROM Providers
        """;

    // Through IX_Bookings_Retention (filtered on AnonymizedAt IS NULL), so purged bookings are never read again.
    internal static readonly DialectSql DueSql = new(
        SqlServer: """
            SELECT TOP (@Take) Id FROM dbo.Bookings
            WHERE ProviderId = @ProviderId AND AnonymizedAt IS NULL AND EndsAt < @Before
            ORDER BY EndsAt
            """,
        Sqlite: """
            SELECT Id FROM Bookings
            WHERE ProviderId = @ProviderId AND AnonymizedAt IS NULL AND EndsAt < @Before
            ORDER BY EndsAt LIMIT @Take
            """);

    // The booking's row first (the order every booking change keeps), then what hangs off it. The end is checked again
    // in the write: the batch was read outside it. The manage token's hash goes too, so the citizen's old link no
    // longer opens the booking; Sequence moves on, so a change that read the booking before the purge is refused.
    internal static readonly DialectSql AnonymizeSql = new(
        SqlServer: """
            UPDATE dbo.Bookings
            SET CustomerName = N'', CustomerEmail = NULL, CustomerPhone = NULL, Notes = NULL, ManageTokenHash = N'',
                Sequence = Sequence + 1, AnonymizedAt = @Now, UpdatedAt = @Now
            WHERE Id IN (SELECT CAST(j.value AS UNIQUEIDENTIFIER) FROM OPENJSON(@Ids) j) AND AnonymizedAt IS NULL AND EndsAt < @Before
            """,
        Sqlite: """
            UPDATE Bookings
            SET CustomerName = '', CustomerEmail = NULL, CustomerPhone = NULL, Notes = NULL, ManageTokenHash = '',
                Sequence = Sequence + 1, AnonymizedAt = @Now, UpdatedAt = @Now
            WHERE Id IN (SELECT j.value FROM json_each(@Ids) j) AND AnonymizedAt IS NULL AND EndsAt < @Before
            """);

    internal static readonly DialectSql ClearReasonsSql = new(
        SqlServer: """
            UPDATE dbo.BookingHistory SET Reason = NULL
            WHERE BookingId IN (SELECT CAST(j.value AS UNIQUEIDENTIFIER) FROM OPENJSON(@Ids) j) AND Reason IS NOT NULL
            """,
        Sqlite: """
            UPDATE BookingHistory SET Reason = NULL
            WHERE BookingId IN (SELECT j.value FROM json_each(@Ids) j) AND Reason IS NOT NULL
            """);

    internal static readonly DialectSql DeleteMessagesSql = new(
        SqlServer: """
            DELETE FROM dbo.Notifications WHERE BookingId IN (SELECT CAST(j.value AS UNIQUEIDENTIFIER) FROM OPENJSON(@Ids) j)
            """,
        Sqlite: """
            DELETE FROM Notifications WHERE BookingId IN (SELECT j.value FROM json_each(@Ids) j)
            """);

    internal static readonly DialectSql DeleteSecretsSql = new(
        SqlServer: """
            DELETE FROM dbo.BookingSecrets WHERE BookingId IN (SELECT CAST(j.value AS UNIQUEIDENTIFIER) FROM OPENJSON(@Ids) j)
            """,
        Sqlite: """
            DELETE FROM BookingSecrets WHERE BookingId IN (SELECT j.value FROM json_each(@Ids) j)
            """);

    // A booking's keys by its id (IX_IdempotencyKeys_BookingId).
    internal static readonly DialectSql DeleteReplaysSql = new(
        SqlServer: """
            DELETE FROM dbo.IdempotencyKeys WHERE BookingId IN (SELECT CAST(j.value AS UNIQUEIDENTIFIER) FROM OPENJSON(@Ids) j)
            """,
        Sqlite: """
            DELETE FROM IdempotencyKeys WHERE BookingId IN (SELECT j.value FROM json_each(@Ids) j)
            """);

    public async Task<PurgeReport> PurgeAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        List<(string Id, int RetentionDays)> providers;
        await using (var c = await db.OpenAsync(ct))
        {
            providers = (await c.QueryAsync<(string, int)>(new CommandDefinition(ProvidersSql, cancellationToken: ct))).AsList();
        }

        var total = new PurgeReport(0, 0, 0);
        foreach (var (providerId, days) in providers)
        {
            var before = now.AddDays(-(days > 0 ? days : options.Value.RetentionDays));
            int read;
            do
            {
                (read, var batch) = await PurgeBatchAsync(providerId, before, now, ct);
                total = new PurgeReport(total.AnonymizedBookings + batch.AnonymizedBookings, total.DeletedReplays + batch.DeletedReplays,
                    total.DeletedMessages + batch.DeletedMessages);
            }
            while (read == BatchSize);
        }

        await CheckpointAsync(ct);

        logger.LogInformation(
            "Retention purge: {Bookings} bookings anonymized, {Replays} idempotency replays and {Messages} messages deleted.",
            total.AnonymizedBookings, total.DeletedReplays, total.DeletedMessages);
        return total;
    }

    // SQLite: the purged rows' earlier versions stay in the WAL until a checkpoint copies the pages back; TRUNCATE
    // then empties the file (secure_delete, set per connection in Db, has already zeroed the freed space in the pages).
    // A reader still holding an old snapshot keeps its frames: the next day's purge finishes the checkpoint.
    private async Task CheckpointAsync(CancellationToken ct)
    {
        if (db.Dialect != Dialect.Sqlite)
        {
            return;
        }

        await using var c = await db.OpenAsync(ct);
        var (busy, _, _) = await c.QuerySingleAsync<(long, long, long)>(new CommandDefinition(WalCheckpointPragma, cancellationToken: ct));
        if (busy != 0)
        {
            logger.LogWarning("Retention purge: the WAL checkpoint could not finish (a reader was active).");
        }
    }

    // SQLite only, so not a …Sql text (the T-SQL parse test reads those).
    private const string WalCheckpointPragma = "PRAGMA wal_checkpoint(TRUNCATE)";

    // How many were read (a full batch: look again), and what was removed.
    private async Task<(int Read, PurgeReport Removed)> PurgeBatchAsync(string providerId, DateTimeOffset before, DateTimeOffset now,
        CancellationToken ct)
    {
        List<Guid> due;
        await using (var c = await db.OpenAsync(ct))
        {
            due = (await c.QueryAsync<Guid>(new CommandDefinition(db.Sql(DueSql), new { ProviderId = providerId, Before = before,
                Take = BatchSize }, cancellationToken: ct))).AsList();
        }

        if (due.Count == 0)
        {
            return (0, new PurgeReport(0, 0, 0));
        }

        var ids = System.Text.Json.JsonSerializer.Serialize(due);
        var removed = await db.WriteAsync(async scope =>
        {
            var args = new { Ids = ids, Before = before, Now = now };
            var bookings = await scope.ExecuteAsync(db.Sql(AnonymizeSql), args);
            await scope.ExecuteAsync(db.Sql(ClearReasonsSql), args);
            var messages = await scope.ExecuteAsync(db.Sql(DeleteMessagesSql), args);
            await scope.ExecuteAsync(db.Sql(DeleteSecretsSql), args);
            // Every key of these bookings goes, even past its 24 h life: the hourly purge may not have run (a seek each).
            var replays = await scope.ExecuteAsync(db.Sql(DeleteReplaysSql), args);
            return new PurgeReport(bookings, replays, messages);
        }, ct);
        return (due.Count, removed);
    }
}
