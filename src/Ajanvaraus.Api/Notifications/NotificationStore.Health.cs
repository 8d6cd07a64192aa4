using Ajanvaraus.Api.Data;
using Dapper;

namespace Ajanvaraus.Api.Notifications;

// What /health/ready and the operators' channel list read of the outbox.
internal sealed partial class NotificationStore
{
    // Each part reads one of 0011's filtered indexes (the filters repeated literally). Waiting* count a channel's unsent
    // messages whether or not it has a sender: without one they would wait for ever.
    internal static readonly DialectSql HealthSql = new(
        SqlServer: """
            SELECT (SELECT COUNT(*) FROM dbo.Notifications WHERE Status = N'dead') AS Dead,
                   (SELECT MIN(NextAttemptAt) FROM dbo.Notifications
                    WHERE Status IN (N'pending', N'failed') AND Channel = N'email' AND @Email = 1) AS OldestEmail,
                   (SELECT MIN(NextAttemptAt) FROM dbo.Notifications
                    WHERE Status IN (N'pending', N'failed') AND Channel = N'sms' AND @Sms = 1) AS OldestSms,
                   (SELECT COUNT(*) FROM dbo.Notifications
                    WHERE Status IN (N'pending', N'failed') AND Channel = N'email') AS WaitingEmail,
                   (SELECT COUNT(*) FROM dbo.Notifications
                    WHERE Status IN (N'pending', N'failed') AND Channel = N'sms') AS WaitingSms
            """,
        Sqlite: """
            SELECT (SELECT COUNT(*) FROM Notifications WHERE Status = 'dead') AS Dead,
                   (SELECT MIN(NextAttemptAt) FROM Notifications
                    WHERE Status IN ('pending', 'failed') AND Channel = 'email' AND @Email = 1) AS OldestEmail,
                   (SELECT MIN(NextAttemptAt) FROM Notifications
                    WHERE Status IN ('pending', 'failed') AND Channel = 'sms' AND @Sms = 1) AS OldestSms,
                   (SELECT COUNT(*) FROM Notifications
                    WHERE Status IN ('pending', 'failed') AND Channel = 'email') AS WaitingEmail,
                   (SELECT COUNT(*) FROM Notifications
                    WHERE Status IN ('pending', 'failed') AND Channel = 'sms') AS WaitingSms
            """);

    public async Task<OutboxHealth> HealthAsync(bool email, bool sms, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        return await c.QuerySingleAsync<OutboxHealth>(
            new CommandDefinition(db.Sql(HealthSql), new { Email = email ? 1 : 0, Sms = sms ? 1 : 0 }, cancellationToken: ct));
    }
}
