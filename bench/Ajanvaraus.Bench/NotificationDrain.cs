using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace Ajanvaraus.Bench;

// One drain of the outbox: how many e-mails the sink accepted, over what time, and what the table said afterwards.
internal sealed record DrainResult(
    long Messages, long Backlog, long Parked, TimeSpan ToFirst, TimeSpan FirstToLast, TimeSpan ServiceCpu,
    long SentRows, long DueLeft, long FailedRows, int SmtpConnections, bool Stalled)
{
    public double Rate => Messages < 2 ? double.NaN : Messages / FirstToLast.TotalSeconds;

    public double CpuMsPerMessage => Messages == 0 ? double.NaN : ServiceCpu.TotalMilliseconds / Messages;

    public TimeSpan ReadyToDrained => ToFirst + FirstToLast;
}

// The notifications row: the booking rows left their confirmation and change e-mails pending (the measuring service runs
// without SMTP and without a Hangfire server). A second service on the same database, with a Hangfire server and SMTP
// pointing at the sink, sends them; the row is the sink's rate from the first message to the last.
internal static class NotificationDrain
{
    // Due now: confirmations and changes. Reminders are weeks ahead (the booked times are 2-12 weeks out) and SMS has no
    // gateway here, so neither is part of the drain.
    private const string DueSql = """
        SELECT COUNT(*) FROM Notifications WHERE Channel = 'email' AND Kind <> 'reminder' AND Status IN ('pending', 'failed')
        """;

    // Keeps the first `Keep` due e-mails in the dispatcher's own order and moves the rest out of reach, so that the row
    // has a known size at every scale (the booking rows leave tens of thousands at national scale).
    private const string ParkSql = """
        UPDATE Notifications SET NextAttemptAt = '9999-12-31T00:00:00.0000000Z'
        WHERE Channel = 'email' AND Kind <> 'reminder' AND Status IN ('pending', 'failed')
          AND Id NOT IN (
            SELECT Id FROM Notifications WHERE Channel = 'email' AND Kind <> 'reminder' AND Status IN ('pending', 'failed')
            ORDER BY NextAttemptAt, Id LIMIT $keep)
        """;

    private const string SentSql = """
        SELECT COUNT(*) FROM Notifications WHERE Channel = 'email' AND Status = 'sent'
        """;

    private const string DueLeftSql = """
        SELECT COUNT(*) FROM Notifications
        WHERE Channel = 'email' AND Kind <> 'reminder' AND Status IN ('pending', 'failed') AND NextAttemptAt <= $now
        """;

    private const string FailedSql = """
        SELECT COUNT(*) FROM Notifications WHERE Channel = 'email' AND Status IN ('failed', 'dead')
        """;

    // The settings that turn dispatch on: a Hangfire server, SMTP at the sink, the recurring dispatch every second.
    public static Dictionary<string, string> Settings(SmtpSink sink) => new()
    {
        ["Hangfire__Server"] = "true",
        ["Notifications__Smtp__Host"] = "127.0.0.1",
        ["Notifications__Smtp__Port"] = sink.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Notifications__DispatchSeconds"] = "1",
    };

    // Before the dispatching service starts: returns the due backlog and how many of it were parked.
    public static (long Backlog, long Parked) Prepare(string database, int keep)
    {
        using var c = Open(database);
        var backlog = Scalar(c, DueSql);
        using var park = c.CreateCommand();
        park.CommandText = ParkSql;
        park.Parameters.AddWithValue("$keep", keep);
        park.CommandTimeout = 600;
        return (backlog, park.ExecuteNonQuery());
    }

    // Waits until the sink has the expected messages, or until nothing arrives for `stall`.
    public static async Task<DrainResult> MeasureAsync(
        string database, ServiceProcess service, SmtpSink sink, long backlog, long parked, long ready, TimeSpan stall)
    {
        var cpuBefore = service.CpuTime();
        var expected = backlog - parked;
        var lastCount = -1L;
        var lastProgress = Stopwatch.GetTimestamp();
        var stalled = false;
        while (sink.Accepted < expected)
        {
            await Task.Delay(50);
            if (sink.Accepted != lastCount)
            {
                lastCount = sink.Accepted;
                lastProgress = Stopwatch.GetTimestamp();
            }
            else if (Stopwatch.GetElapsedTime(lastProgress) > stall)
            {
                stalled = true;
                break;
            }
        }

        var cpu = service.CpuTime() - cpuBefore;
        // Let the last marks commit before reading the table.
        await Task.Delay(500);
        using var c = Open(database);
        using var dueLeft = c.CreateCommand();
        dueLeft.CommandText = DueLeftSql;
        dueLeft.Parameters.AddWithValue("$now", SqliteText.Instant(DateTimeOffset.UtcNow));
        var first = sink.FirstTicks;
        var last = sink.LastTicks;
        return new DrainResult(
            sink.Accepted, backlog, parked,
            first == 0 ? TimeSpan.Zero : Stopwatch.GetElapsedTime(ready, first),
            first == 0 ? TimeSpan.Zero : Stopwatch.GetElapsedTime(first, last),
            cpu, Scalar(c, SentSql), (long)dueLeft.ExecuteScalar()!, Scalar(c, FailedSql), sink.Connections, stalled);
    }

    private static SqliteConnection Open(string database)
    {
        var c = new SqliteConnection($"Data Source={database};Pooling=False;Default Timeout=60");
        c.Open();
        return c;
    }

    private static long Scalar(SqliteConnection c, string sql)
    {
        using var command = c.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = 600;
        return (long)command.ExecuteScalar()!;
    }
}
