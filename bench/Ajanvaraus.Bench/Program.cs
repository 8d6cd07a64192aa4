using System.Collections.Concurrent;
using System.Diagnostics;
using Ajanvaraus.Bench;

// dotnet run -c Release --project bench/Ajanvaraus.Bench -- --scale national|small
// --reuse measures again on the database of an earlier run (a development aid; reported numbers come from fresh runs).
var scale = Scale.Parse(args.SkipWhile(a => a != "--scale").Skip(1).FirstOrDefault());
var reuse = args.Contains("--reuse");
if (scale is null || args.Except(["--scale", scale.Name, "--reuse"]).Any())
{
    Console.Error.WriteLine("usage: dotnet run -c Release --project bench/Ajanvaraus.Bench -- [--scale national|small] [--reuse]");
    return 2;
}

var total = Stopwatch.StartNew();
var paths = Paths.Find();
Directory.CreateDirectory(paths.Results);
await ServiceProcess.BuildIfNeededAsync(paths, Console.Out);
var report = new Report(scale);

// The national run also measures the same point-week question on the small dataset: search cost must not grow with the database.
if (scale != Scale.Small)
{
    var small = reuse ? await Preparation.ReuseAsync(paths, Scale.Small, Console.Out) : await Preparation.RunAsync(paths, Scale.Small, Console.Out);
    report.Datasets.Add(small);
    await using var smallService = await ServiceProcess.StartAsync(paths, small.Database, paths.ServiceLog(Scale.Small.Name));
    foreach (var connections in scale.ReadConnections)
    {
        report.SmallComparison.Add(await Row(smallService, Report.PointWeekRow, connections, SearchQueries.RoundRobin(SearchQueries.PointWeek(small.Data))));
    }
}

var prepared = reuse ? await Preparation.ReuseAsync(paths, scale, Console.Out) : await Preparation.RunAsync(paths, scale, Console.Out);
report.Datasets.Add(prepared);
var data = prepared.Data;
var bookingQueue = new ConcurrentQueue<FreeSlot>();
await using (var service = await ServiceProcess.StartAsync(paths, prepared.Database, paths.ServiceLog(scale.Name)))
{
    report.Ready = service.ReadyAfter;
    report.IndexBuild = ServiceProcess.IndexBuildLine(paths.ServiceLog(scale.Name));
    foreach (var connections in scale.ReadConnections)
    {
        report.Rows.Add(await Row(service, Report.LiveRow, connections, SearchQueries.Get("/health/live")));
    }

    foreach (var (name, queries) in new[]
    {
        (Report.PointWeekRow, SearchQueries.PointWeek(data)),
        (Report.MunicipalityWeekRow, SearchQueries.MunicipalityWeek(data)),
        (Report.VideoDayRow, SearchQueries.VideoDay(data)),
    })
    {
        foreach (var connections in scale.ReadConnections)
        {
            report.Rows.Add(await Row(service, name, connections, SearchQueries.RoundRobin(queries)));
        }
    }

    // The statistics a host municipality asks for a year: one question at a time, its latency is the figure.
    var operatorToken = await ServiceProcess.CommandAsync(paths, prepared.Database, "token", "--role", "operator");
    report.Rows.Add(await Row(service, Report.StatisticsRow, 1, StatisticsQueries.Year(data, operatorToken)));

    // What rate limiting costs: the point-week question with a portal token on two fresh services on this database, one
    // with the limits off and one with them on (the portal's budget set out of reach, so the limiter counts but refuses
    // nothing), each warmed up the same way before it is measured.
    var portal = await ServiceProcess.TokenAsync(paths, prepared.Database, "--role", "portal", "--client", "bench.portal");
    var pointWeek = SearchQueries.PointWeek(data);
    foreach (var (name, enabled) in new[] { (Report.PortalPointWeekRow, "false"), (Report.LimitedPointWeekRow, "true") })
    {
        await using var fresh = await ServiceProcess.StartAsync(paths, prepared.Database, paths.ServiceLog(scale.Name),
            new Dictionary<string, string> { ["RateLimits__Enabled"] = enabled, ["RateLimits__Portal__PerMinute"] = "1000000000" });
        await Row(fresh, "(warm-up, not reported)", 16, SearchQueries.RoundRobin(pointWeek, portal));
        foreach (var connections in scale.ReadConnections)
        {
            report.Rows.Add(await Row(fresh, name, connections, SearchQueries.RoundRobin(pointWeek, portal)));
        }
    }

    // Free times for the write rows, found by search: bookings 2-6 weeks ahead, contended times 8-12 weeks ahead.
    var watch = Stopwatch.StartNew();
    var pool = await SlotPool.GatherAsync(service.BaseAddress, data, data.Today.AddDays(14), data.Today.AddDays(44), scale.BookingPoolSize + (2 * scale.ReschedulePoolSize), Scale.Seed + 20);
    var contendedPeriod = TimeSpan.FromMilliseconds(50);
    var groups = await SlotPool.ContendedAsync(service.BaseAddress, data, data.Today.AddDays(56), data.Today.AddDays(86),
        (int)((scale.RowDuration + scale.Warmup) / contendedPeriod) + 20, 4, Scale.Seed + 21);
    report.PoolTime = watch.Elapsed;
    Console.WriteLine($"Found {pool.Count:N0} free slots and {groups.Count} contended groups by search in {watch.Elapsed.TotalSeconds:0.0} s");

    // The booking rows first: the reschedule row takes what is left (a pool is smaller than it was per expert, since
    // times now never overlap at one point).
    foreach (var slot in pool.Take(scale.BookingPoolSize))
    {
        bookingQueue.Enqueue(slot);
    }

    var moves = pool.Skip(scale.BookingPoolSize).Take(2 * scale.ReschedulePoolSize).ToList();
    foreach (var slot in pool.Skip(scale.BookingPoolSize + moves.Count))
    {
        bookingQueue.Enqueue(slot);
    }

    foreach (var connections in scale.BookingConnections)
    {
        report.Rows.Add(await Row(service, Report.BookingRow, connections, BookingRequests.FromPool(bookingQueue)));
    }

    // A herd: 16 connections book "any expert" at the same popular times (3+ free experts each, its copies in a row;
    // nationally no time has 8), so concurrent bookers always want one time; each time is booked as often as it has
    // free experts, and only then the next.
    var popular = await SlotPool.GatherAsync(service.BaseAddress, data, data.Today.AddDays(2), data.Today.AddDays(13),
        scale.BookingPoolSize / scale.BookingConnections.Count, Scale.Seed + 23, minFree: 3);
    Console.WriteLine($"Found {popular.Count:N0} bookings of times with 3 or more free experts for the herd");
    report.Rows.Add(await Row(service, Report.HerdRow, 16, BookingRequests.FromPool(new ConcurrentQueue<FreeSlot>(popular))));

    // What the outbox writes cost: the booking row on two fresh services on this database, one writing messages (no SMTP)
    // and one with `Notifications:Enabled=false`, each warmed up the same way (a fresh process, unlike the one above,
    // has no statistics-sized heap and no search caches, so the pair compares like with like).
    foreach (var (name, enabled) in new[] { (Report.OutboxBookingRow, "true"), (Report.QuietBookingRow, "false") })
    {
        await using var fresh = await ServiceProcess.StartAsync(paths, prepared.Database, paths.ServiceLog(scale.Name),
            new Dictionary<string, string> { ["Notifications__Enabled"] = enabled });
        await Row(fresh, "(warm-up, not reported)", 1, BookingRequests.FromPool(bookingQueue));
        report.Rows.Add(await Row(fresh, name, 16, BookingRequests.FromPool(bookingQueue)));
    }

    report.Rows.Add(await Row(service, Report.ContentionRow, scale.ContentionConnections, BookingRequests.Contended(groups, contendedPeriod)));
    watch.Restart();
    report.Integrity = IntegrityCheck.Run(prepared.Database);
    Console.WriteLine($"Integrity after contention: {report.Integrity} ({watch.Elapsed.TotalSeconds:0.0} s)");

    // Reschedule: book the first half of the move slots (untimed), then move each booking to a slot of the same service.
    var bySevice = moves.GroupBy(m => m.ServiceId).SelectMany(g => g.Chunk(2).Where(pair => pair.Length == 2)).ToList();
    var made = await BookingRequests.BookAllAsync(service.BaseAddress, bySevice.Select(p => p[0]).ToList(), 16);
    var targets = bySevice.ToDictionary(p => p[0], p => p[1]);
    var moveQueue = new ConcurrentQueue<(MadeBooking, FreeSlot)>(made.Select(m => (m.Booking, targets[m.Slot])));
    report.Rows.Add(await Row(service, Report.RescheduleRow, scale.RescheduleConnections, BookingRequests.Reschedule(moveQueue)));

    // Freshness: a second instance on the same database learns of the first one's bookings from the change log.
    var freshSlots = await SlotPool.GatherAsync(service.BaseAddress, data, data.Today.AddDays(45), data.Today.AddDays(55), 400, Scale.Seed + 22);
    await using (var other = await ServiceProcess.StartAsync(paths, prepared.Database, paths.ServiceLog(scale.Name)))
    {
        report.Freshness = await Freshness.MeasureAsync(service.BaseAddress, other.BaseAddress, freshSlots, 200);
        Console.WriteLine($"{Report.FreshnessRow,-32} p50 {report.Freshness.Percentile(50):0} ms, p99 {report.Freshness.Percentile(99):0} ms over {report.Freshness.LatenciesMs.Length} bookings");
        report.SecondReady = other.ReadyAfter;
    }

    var (feedPath, feedBookings) = CalendarFeedBench.Prepare(prepared.Database, DateTimeOffset.UtcNow);
    foreach (var connections in new[] { 1, 16 })
    {
        var feedRow = await Row(service, Report.CalendarFeedRow, connections, SearchQueries.Get(feedPath));
        report.Rows.Add(feedRow with { Note = $"{feedBookings:N0} bookings in the feed" });
    }

    report.PeakMiB = service.PeakResidentMiB();
}

// Notifications: the rows above left their e-mails pending (no SMTP, no Hangfire server). A second service on the same
// database sends them to the sink; then the booking row runs again while each booking's e-mail is dispatched at once.
await using (var sink = new SmtpSink())
{
    var (backlog, parked) = NotificationDrain.Prepare(prepared.Database, scale.DrainMessages);
    await using var service = await ServiceProcess.StartAsync(paths, prepared.Database, paths.ServiceLog(scale.Name), NotificationDrain.Settings(sink));
    var ready = Stopwatch.GetTimestamp();
    report.Drain = await NotificationDrain.MeasureAsync(prepared.Database, service, sink, backlog, parked, ready, TimeSpan.FromSeconds(30));
    var drain = report.Drain;
    Console.WriteLine($"{Report.DrainRow,-32} {drain.Messages:N0} of {backlog - parked:N0} e-mails in {drain.FirstToLast.TotalSeconds:0.0} s: {drain.Rate:N0}/s, first after {drain.ToFirst.TotalSeconds:0.0} s, cpu {drain.CpuMsPerMessage:0.000} ms/msg; table: {drain.SentRows:N0} sent, {drain.DueLeft:N0} due left, {drain.FailedRows} failed{(drain.Stalled ? " (STALLED)" : "")}");

    sink.Reset();
    var row = await Row(service, Report.BookingDispatchRow, 16, BookingRequests.FromPool(bookingQueue));
    var rowSeconds = (scale.Warmup + scale.RowDuration).TotalSeconds;
    report.Rows.Add(row with { Note = $"{(row.Note is null ? "" : row.Note + "; ")}{sink.Accepted / rowSeconds:N0} e-mails/s sent meanwhile" });
    report.PeakMiB = Math.Max(report.PeakMiB, service.PeakResidentMiB());
}

var markdown = report.Markdown();
await File.WriteAllTextAsync(paths.LatestReport, markdown);
Console.WriteLine();
Console.WriteLine(report.Table());
Console.WriteLine($"Wrote {Path.GetRelativePath(paths.Root, paths.LatestReport)} ({total.Elapsed.TotalSeconds:0} s in all).");
return 0;

async Task<RowResult> Row(ServiceProcess service, string name, int connections, LoadRunner.Request request)
{
    var row = await LoadRunner.RunAsync(name, service.BaseAddress, connections, scale.RowDuration, scale.Warmup, service.CpuTime, request);
    Console.WriteLine($"{name,-32} {connections,3} conn {row.Rps,9:N0} req/s  p50 {row.Percentile(50),7:0.00} ms  p99 {row.Percentile(99),7:0.00} ms  cpu {row.CpuMsPerRequest,6:0.000} ms/req  {string.Join(" ", row.Statuses.Select(s => $"{s.Key}:{s.Value}"))}{(row.Note is null ? "" : $" ({row.Note})")}");
    return row;
}
