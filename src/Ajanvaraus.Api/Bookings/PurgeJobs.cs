using Ajanvaraus.Api.Data;
using Dapper;

namespace Ajanvaraus.Api.Bookings;

// Holds, idempotency keys and the availability change log live for minutes and hours; without this job both tables would grow forever. Small
// batches, each its own short transaction, so bookings get the write lock in between (and SQL Server never escalates).
internal sealed class PurgeJobs(Db db, TimeProvider clock, ILogger<PurgeJobs> logger)
{
    internal const int BatchSize = 200;

    // Holds per transaction: each frees units of its own resource, so a batch locks ranges of many resources; small
    // batches keep the purge from holding (and deadlocking on) more than a few bookings' worth at a time.
    internal const int HoldBatchSize = 20;

    // SQL Server: if the purge and a booking do deadlock, the purge is the victim (and retried); never the booking.
    internal static readonly DialectSql LowDeadlockPrioritySql = new(
        SqlServer: "SET DEADLOCK_PRIORITY LOW;",
        Sqlite: "SELECT 0;");

    internal static readonly DialectSql NormalDeadlockPrioritySql = new(
        SqlServer: "SET DEADLOCK_PRIORITY NORMAL;",
        Sqlite: "SELECT 0;");

    // A hold is kept an hour past its expiry: a citizen who confirms late is told about the time, not "no such hold".
    internal static readonly TimeSpan HoldGrace = TimeSpan.FromHours(1);

    internal static readonly DialectSql ExpiredHoldsSql = new(
        SqlServer: """
            SELECT TOP (@Take) Id, TokenHash, ServiceId, ExpertId, ServicePointId, VideoRoomId, Channel, StartsAt, EndsAt, ExpiresAt, ClientId, CreatedAt
            FROM dbo.Holds WHERE ExpiresAt < @Before ORDER BY ExpiresAt
            """,
        Sqlite: """
            SELECT Id, TokenHash, ServiceId, ExpertId, ServicePointId, VideoRoomId, Channel, StartsAt, EndsAt, ExpiresAt, ClientId, CreatedAt
            FROM Holds WHERE ExpiresAt < @Before ORDER BY ExpiresAt LIMIT @Take
            """);

    // Through IX_IdempotencyKeys_ExpiresAt; TOP keeps each delete to a few hundred row locks.
    internal static readonly DialectSql DeleteExpiredKeysSql = new(
        SqlServer: """
            DELETE TOP (@Take) FROM dbo.IdempotencyKeys WHERE ExpiresAt <= @Now
            """,
        Sqlite: """
            DELETE FROM IdempotencyKeys
            WHERE rowid IN (SELECT rowid FROM IdempotencyKeys WHERE ExpiresAt <= @Now ORDER BY ExpiresAt LIMIT @Take)
            """);

    public async Task<(int Holds, int Keys)> PurgeExpiredAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        int holds = 0, keys = 0, batch;
        do
        {
            List<HoldRow> expired;
            await using (var c = await db.OpenAsync(ct))
            {
                var args = new { Take = HoldBatchSize, Before = now - HoldGrace };
                expired = (await c.QueryAsync<HoldRow>(new CommandDefinition(db.Sql(ExpiredHoldsSql), args,
                    cancellationToken: ct))).AsList();
            }

            // Each hold as a confirm would free it: its row, then its units by the clustered key.
            // The session's priority is set back at the end (a pooled connection keeps it otherwise until it is reset).
            batch = await db.WriteAsync(async scope =>
            {
                await scope.ExecuteAsync(scope.Sql(LowDeadlockPrioritySql));
                foreach (var hold in expired)
                {
                    await HoldStore.DeleteAsync(scope, hold);
                }

                await scope.ExecuteAsync(scope.Sql(NormalDeadlockPrioritySql));
                return expired.Count;
            }, ct);
            holds += batch;
        }
        while (batch == HoldBatchSize);

        do
        {
            batch = await db.WriteAsync(scope => scope.ExecuteAsync(scope.Sql(DeleteExpiredKeysSql), new { Take = BatchSize, Now = now }),
                ct);
            keys += batch;
        }
        while (batch == BatchSize);

        // The availability change log is read within a second; a day of it is plenty for an instance that paused.
        await Search.ChangeLog.TrimAsync(db, now, ct);
        var units = await PastUnitsPurge.PurgeAsync(db, now, ct);
        logger.LogInformation("Purged {Holds} expired holds, {Keys} expired idempotency keys and {Units} past booked units.", holds,
            keys, units);
        return (holds, keys);
    }
}
