using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace Ajanvaraus.Bench;

// Everything measured in one run, written as one markdown page.
internal sealed class Report(Scale scale)
{
    public const string LiveRow = "/health/live";
    public const string PointWeekRow = "search: point, week";
    public const string MunicipalityWeekRow = "search: municipality, week";
    public const string VideoDayRow = "search: nationwide video, day";
    public const string BookingRow = "book: no contention, any expert";
    public const string ContentionRow = "book: heavy contention";
    public const string HerdRow = "book: herd on popular times";
    public const string RescheduleRow = "reschedule";
    public const string BookingDispatchRow = "book: no contention, e-mail on";
    public const string DrainRow = "notifications: e-mails to sink";
    public const string FreshnessRow = "freshness: A's booking off B";
    public const string StatisticsRow = "statistics: year, point × provider × month";
    public const string PortalPointWeekRow = "search: point, week, portal token";
    public const string LimitedPointWeekRow = "search: point, week, portal, limits on";
    public const string CalendarFeedRow = "calendar feed, 2,000 bookings";
    public const string OutboxBookingRow = "book: fresh service, outbox on";
    public const string QuietBookingRow = "book: fresh service, no messages";

    public List<Prepared> Datasets { get; } = [];

    public List<RowResult> Rows { get; } = [];

    public List<RowResult> SmallComparison { get; } = [];

    public Integrity? Integrity { get; set; }

    public DrainResult? Drain { get; set; }

    public double PeakMiB { get; set; }

    public TimeSpan PoolTime { get; set; }

    public FreshnessResult? Freshness { get; set; }

    public TimeSpan Ready { get; set; }

    public TimeSpan SecondReady { get; set; }

    public string? IndexBuild { get; set; }

    public string Markdown()
    {
        var md = new StringBuilder();
        md.AppendLine(CultureInfo.InvariantCulture, $"# Ajanvaraus benchmark: {scale.Name} scale");
        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"`dotnet run -c Release --project bench/Ajanvaraus.Bench -- --scale {scale.Name}`, {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC.");
        md.AppendLine(CultureInfo.InvariantCulture, $"Machine: {Environment.ProcessorCount} cores ({Cpu()}), {RuntimeInformation.OSDescription}, .NET {Environment.Version}, SQLite {SqliteVersion()}.");
        md.AppendLine("The service (Release, Kestrel on loopback, SQLite file) and this load generator share the machine.");
        md.AppendLine();
        AppendDatasets(md);
        md.AppendLine(CultureInfo.InvariantCulture, $"## Results ({scale.RowDuration.TotalSeconds:0} s per row after a {scale.Warmup.TotalSeconds:0.#} s warm-up)");
        md.AppendLine();
        md.Append(Table());
        md.AppendLine();
        if (SmallComparison.Count > 0)
        {
            md.AppendLine("### Search cost against database size (the same point-week question)");
            md.AppendLine();
            md.AppendLine("| dataset | connections | req/s | p50 ms | p99 ms | service CPU ms/req |");
            md.AppendLine("|---|---:|---:|---:|---:|---:|");
            foreach (var (label, row) in SmallComparison.Select(r => ("small", r)).Concat(Rows.Where(r => r.Name == PointWeekRow).Select(r => (scale.Name, r))))
            {
                md.AppendLine(CultureInfo.InvariantCulture, $"| {label} | {row.Connections} | {row.Rps:N0} | {row.Percentile(50):0.00} | {row.Percentile(99):0.00} | {row.CpuMsPerRequest:0.000} |");
            }

            md.AppendLine();
        }

        md.AppendLine("## Checks");
        md.AppendLine();
        if (Integrity is { } check)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"- After the contention row, through SQL: {check.DoubleBookedUnits} units booked twice, {check.BookingsWithWrongUnits} of {check.ConfirmedBookings:N0} confirmed bookings without exactly their units, {check.UnitsWithoutConfirmedBooking} units of no confirmed booking: **{(check.Holds ? "holds" : "BROKEN")}**.");
        }

        AppendDrain(md);
        md.AppendLine(CultureInfo.InvariantCulture, $"- Service peak resident memory (VmHWM, the larger of the two service processes): {PeakMiB:0} MiB.");
        if (Freshness is { } fresh)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"- Freshness: {fresh.LatenciesMs.Length} bookings through instance A, each polled for on instance B (a second service process on the same database, `Availability:IndexPollMilliseconds` 250) every 5 ms: gone from B after p50 {fresh.Percentile(50):0} ms, p99 {fresh.Percentile(99):0} ms, max {fresh.LatenciesMs.DefaultIfEmpty().Max():0} ms ({fresh.Skipped} skipped: not offered by B or taken meanwhile).");
        }

        md.AppendLine(CultureInfo.InvariantCulture, $"- Start-up until /health/ready (which waits for the availability index): {Ready.TotalSeconds:0.0} s; the second instance: {SecondReady.TotalSeconds:0.0} s. The service's log: `{IndexBuild}`.");
        md.AppendLine(CultureInfo.InvariantCulture, $"- Finding the free slots for the booking rows through search took {PoolTime.TotalSeconds:0.0} s (not timed in the rows).");
        md.AppendLine();
        AppendTargets(md);
        return md.ToString();
    }

    public string Table()
    {
        var md = new StringBuilder();
        md.AppendLine("| row | conn | req/s | p50 ms | p95 ms | p99 ms | statuses | % of live | service CPU ms/req |");
        md.AppendLine("|---|---:|---:|---:|---:|---:|---|---:|---:|");
        foreach (var row in Rows)
        {
            var statuses = string.Join(" ", row.Statuses.OrderBy(s => s.Key).Select(s => $"{(s.Key == 0 ? "no answer" : s.Key.ToString(CultureInfo.InvariantCulture))}: {s.Value:N0}"));
            var live = Rows.FirstOrDefault(r => r.Name == LiveRow && r.Connections == row.Connections);
            var share = live is null || row.Name == LiveRow ? "" : $"{100 * row.Rps / live.Rps:0.0} %";
            md.AppendLine(CultureInfo.InvariantCulture,
                $"| {row.Name} | {row.Connections} | {row.Rps:N0} | {row.Percentile(50):0.00} | {row.Percentile(95):0.00} | {row.Percentile(99):0.00} | {statuses}{(row.Note is null ? "" : $" ({row.Note})")} | {share} | {row.CpuMsPerRequest:0.000} |");
        }

        return md.ToString();
    }

    private void AppendDrain(StringBuilder md)
    {
        if (Drain is not { } d)
        {
            return;
        }

        md.AppendLine(CultureInfo.InvariantCulture,
            $"- {DrainRow}: a second service process (Hangfire server on, `Notifications:Smtp` at an SMTP sink in the bench, dispatch every 1 s) sent the booking rows' pending confirmation and change e-mails: {d.Messages:N0} (of a backlog of {d.Backlog:N0}, {d.Parked:N0} parked out of reach) in {d.FirstToLast.TotalSeconds:0.0} s from the first to the last = **{d.Rate:N0}/s**; the first came {d.ToFirst.TotalSeconds:0.0} s after the service was ready; service CPU {d.CpuMsPerMessage:0.000} ms per message; {d.SmtpConnections} SMTP connections.");
        md.AppendLine(CultureInfo.InvariantCulture,
            $"- After the drain, in the table: {d.SentRows:N0} e-mails sent, {d.DueLeft:N0} due e-mails left, {d.FailedRows} failed or dead{(d.Stalled ? "; **the drain stalled** (nothing for 30 s)" : "")}. SMS rows stay pending (no gateway), reminders are weeks ahead.");
        md.AppendLine(CultureInfo.InvariantCulture,
            $"- `{BookingDispatchRow}` is the booking row again in that second process: each booking's confirmation is dispatched at once (Hangfire job) while the load runs.");
    }

    private void AppendDatasets(StringBuilder md)
    {
        md.AppendLine("## Dataset");
        md.AppendLine();
        md.AppendLine("| | " + string.Join(" | ", Datasets.Select(d => d.Scale.Name)) + " |");
        md.AppendLine("|---|" + string.Concat(Datasets.Select(_ => "---:|")));
        void Line(string label, Func<Prepared, string> value) => md.AppendLine($"| {label} | {string.Join(" | ", Datasets.Select(value))} |");
        Line("service points / providers / services", d => $"{d.Data.Points.Count} / {Catalogue.Providers.Count} / {d.Data.Services.Count}");
        Line("experts / weekly rules", d => $"{d.Data.Experts.Count:N0} / {d.Data.Rules:N0}");
        Line("availability windows (90-day horizon)", d => $"{d.Load.Windows:N0}");
        Line("bookings / booked units (30 % of window time)", d => $"{d.Load.Bookings:N0} / {d.Load.Units:N0}");
        Line("walk-in service events (a year, ~10 per point and weekday)", d => $"{d.Load.ServiceEvents:N0}");
        Line("generate catalogue", d => $"{d.GenerateTime.TotalSeconds:0.0} s");
        Line("materialize-windows (service's figure / process)", d => $"{Preparation.ReportedSeconds(d.MaterialiseOutput):0.0} s / {d.MaterialiseTime.TotalSeconds:0.0} s");
        Line("load bookings", d => $"{d.LoadTime.TotalSeconds:0.0} s");
        Line("database size", d => $"{d.DatabaseMiB:N0} MiB");
        md.AppendLine();
    }

    private void AppendTargets(StringBuilder md)
    {
        var main = Datasets.Last();
        var at64 = (string name) => Rows.FirstOrDefault(r => r.Name == name && r.Connections == 64);
        var live64 = at64(LiveRow);
        var booking = Rows.Where(r => r.Name == BookingRow).MaxBy(r => r.Rps);
        var contention = Rows.FirstOrDefault(r => r.Name == ContentionRow);
        md.AppendLine("## Targets (2 cores)");
        md.AppendLine();
        md.AppendLine("| target | measured | met |");
        md.AppendLine("|---|---|---|");
        foreach (var (name, p99, share) in new[] { (PointWeekRow, 10, 50), (MunicipalityWeekRow, 20, 25) })
        {
            if (at64(name) is { } row && live64 is not null)
            {
                Target(md, $"{name}: p99 ≤ {p99} ms at 64 connections", $"{row.Percentile(99):0.0} ms", row.Percentile(99) <= p99);
                Target(md, $"{name}: ≥ {share} % of /health/live at 64", $"{100 * row.Rps / live64.Rps:0.0} %", row.Rps >= live64.Rps * share / 100);
            }
        }

        if (SmallComparison.FirstOrDefault(r => r.Connections == 64) is { } small && at64(PointWeekRow) is { } national)
        {
            Target(md, "same point-week question, small vs national: within 20 %", $"{small.Rps:N0} vs {national.Rps:N0} req/s",
                national.Rps >= 0.8 * small.Rps && national.Rps <= 1.25 * small.Rps);
        }

        if (booking is not null)
        {
            Target(md, "booking without contention ≥ 2,000/s, p99 ≤ 25 ms", $"{booking.Rps:N0}/s, p99 {booking.Percentile(99):0.0} ms at {booking.Connections} connections", booking.Rps >= 2000 && booking.Percentile(99) <= 25);
        }

        if (contention is not null)
        {
            var others = contention.Statuses.Where(s => s.Key is not (201 or 409)).Sum(s => s.Value);
            Target(md, "contention: only 201/409, no 5xx, no unit booked twice", $"{others} other answers; {Integrity?.DoubleBookedUnits} units booked twice", others == 0 && Integrity?.Holds == true);
        }

        if (Rows.FirstOrDefault(r => r.Name == CalendarFeedRow && r.Connections == 1) is { } feed)
        {
            Target(md, "calendar feed of 2,000 bookings < 100 ms (p50, one connection)", $"{feed.Percentile(50):0.0} ms", feed.Percentile(50) < 100);
        }

        if (Drain is { } drain)
        {
            Target(md, "notifications: e-mails dispatched to a local SMTP sink ≥ 200/s", $"{drain.Rate:N0}/s ({drain.Messages:N0} messages)", drain.Rate >= 200 && !drain.Stalled);
        }

        var off16 = Rows.FirstOrDefault(r => r.Name == BookingRow && r.Connections == 16);
        var on16 = Rows.FirstOrDefault(r => r.Name == BookingDispatchRow && r.Connections == 16);
        var outbox16 = Rows.FirstOrDefault(r => r.Name == OutboxBookingRow && r.Connections == 16);
        var quiet16 = Rows.FirstOrDefault(r => r.Name == QuietBookingRow && r.Connections == 16);
        if (outbox16 is not null && quiet16 is not null)
        {
            Target(md, "booking with the outbox writes within 10 % of booking without them (fresh services, 16 conn, no SMTP)",
                $"{outbox16.Rps:N0}/s against {quiet16.Rps:N0}/s with `Notifications:Enabled=false`: {100 * (outbox16.Rps / quiet16.Rps - 1):+0.0;-0.0} %",
                outbox16.Rps >= 0.9 * quiet16.Rps);
        }

        if (off16 is not null && on16 is not null)
        {
            Target(md, "booking with e-mail dispatched live within 10 % of booking with SMTP unconfigured (16 conn)",
                $"{on16.Rps:N0}/s against {off16.Rps:N0}/s: {100 * (on16.Rps / off16.Rps - 1):+0.0;-0.0} %", on16.Rps >= 0.9 * off16.Rps);
        }

        foreach (var name in new[] { VideoDayRow })
        {
            if (at64(name) is { } row && live64 is not null)
            {
                Target(md, $"{name}: p99 ≤ 20 ms, ≥ 25 % of /health/live at 64", $"{row.Percentile(99):0.0} ms, {100 * row.Rps / live64.Rps:0.0} %",
                    row.Percentile(99) <= 20 && row.Rps >= live64.Rps / 4);
            }
        }

        if (Freshness is { } fresh)
        {
            Target(md, "freshness: a booking on A absent from B's search within 1 s (p99 of 200)", $"p99 {fresh.Percentile(99):0} ms", fresh.Percentile(99) <= 1000);
        }

        Target(md, "index build at start ≤ 10 s", $"{Ready.TotalSeconds:0.0} s to ready", Ready.TotalSeconds <= 10);
        foreach (var limited in Rows.Where(r => r.Name == LimitedPointWeekRow && r.Connections > 1))
        {
            if (Rows.FirstOrDefault(r => r.Name == PortalPointWeekRow && r.Connections == limited.Connections) is { } plain)
            {
                Target(md, $"search with rate limiting on within 10 % of it off (portal token, {limited.Connections} conn)",
                    $"{limited.Rps:N0}/s against {plain.Rps:N0}/s: {100 * (limited.Rps / plain.Rps - 1):+0.0;-0.0} %", limited.Rps >= 0.9 * plain.Rps);
            }
        }

        var materialise = Preparation.ReportedSeconds(main.MaterialiseOutput) ?? main.MaterialiseTime.TotalSeconds;
        Target(md, "materialisation ≤ 30 s", $"{materialise:0.0} s ({main.Load.Windows:N0} windows)", materialise <= 30);
        Target(md, "peak memory ≤ 250 MB", $"{PeakMiB * 1.048576:0} MB", PeakMiB * 1.048576 <= 250);
    }

    private static void Target(StringBuilder md, string target, string measured, bool met) =>
        md.AppendLine(CultureInfo.InvariantCulture, $"| {target} | {measured} | {(met ? "yes" : "**no**")} |");

    private static string Cpu() =>
        File.Exists("/proc/cpuinfo") && File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal)) is { } line
            ? line[(line.IndexOf(':') + 1)..].Trim()
            : RuntimeInformation.ProcessArchitecture.ToString();

    private static string SqliteVersion()
    {
        using var c = new Microsoft.Data.Sqlite.SqliteConnection("Data Source=:memory:");
        c.Open();
        return c.ServerVersion;
    }
}
