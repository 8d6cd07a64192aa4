using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using Ajanvaraus.Api.Data;
using Dapper;
using Hangfire;
using Microsoft.Extensions.Options;

namespace Ajanvaraus.Api.Availability;

// Keeps AvailabilityWindows equal to the rules, absences, holidays, closures and opening hours for the horizon. A
// change rebuilds its expert's windows in the change's own transaction; a daily job moves the horizon on. Only
// windows are written: bookings and booked units are never touched (a booking left outside every window is a
// conflict for the agency to resolve).
internal sealed partial class WindowMaterializer(
    Db db, TimeProvider clock, IOptions<AvailabilityOptions> options, ILogger<WindowMaterializer> logger)
{
    // Experts rebuilt per transaction by the full run: a chunk's locks are held for milliseconds, so bookings of those
    // experts (whose foreign-key checks wait on the expert rows) barely notice, and its rows stay under SQL Server's
    // lock escalation threshold (5,000 locks on one table).
    internal const int ChunkSize = 20;

    // The lease every instance competes for; SQL Server's applock resource has the same name.
    internal const string JobName = "availability-windows";

    private static readonly TimeSpan LeaseDuration = TimeSpan.FromMinutes(10);

    public Horizon CurrentHorizon() => Horizon.At(clock.GetUtcNow(), options.Value.HorizonDays);

    // The horizon a completed full run is recorded under: a new day (or another HorizonDays) makes it stale.
    internal static string Key(Horizon horizon) =>
        string.Create(CultureInfo.InvariantCulture, $"{horizon.FirstDay:yyyy-MM-dd}..{horizon.LastDay:yyyy-MM-dd}");

    // Locks the expert against concurrent rebuilds: call first in a transaction that changes their availability.
    public static Task LockExpertAsync(WriteScope scope, Guid expertId) =>
        scope.ExecuteAsync(LockExpertsSql, new { FirstExpertId = expertId, LastExpertId = expertId });

    // Rebuilds one expert's windows for the horizon inside the caller's transaction; returns how many were written.
    public Task<int> RebuildExpertAsync(WriteScope scope, Guid expertId) => RebuildAsync(scope, expertId, expertId, CurrentHorizon());

    public Task<int> RebuildExpertAsync(Guid expertId, CancellationToken ct) =>
        db.WriteAsync(scope => RebuildExpertAsync(scope, expertId), ct);

    // After a change of a point's closures or opening hours: rebuilds every expert with a rule at that point.
    public async Task RebuildServicePointAsync(string servicePointId, CancellationToken ct)
    {
        List<Guid> experts;
        await using (var c = await db.OpenAsync(ct))
        {
            experts = (await c.QueryAsync<Guid>(new CommandDefinition(ExpertsAtPointSql, new { ServicePointId = servicePointId },
                cancellationToken: ct))).AsList();
        }

        foreach (var expertId in experts)
        {
            await RebuildExpertAsync(expertId, ct);
        }
    }

    // The daily job and the materialize-windows verb: rebuilds every expert for the current horizon (so a new day
    // appears at its end) and drops windows that ended before it. 0 when another instance is running it.
    [DisableConcurrentExecution(timeoutInSeconds: 600)]
    public async Task<int> ExtendAllAsync(CancellationToken ct) => await RunAsync(force: true, ct) ?? 0;

    // At start-up: the same, unless a full run already completed the current horizon.
    [DisableConcurrentExecution(timeoutInSeconds: 600)]
    public async Task<int> ExtendIfStaleAsync(CancellationToken ct) => await RunAsync(force: false, ct) ?? 0;

    // Null when another runner holds the job; 0 windows when the horizon was current and nothing was forced.
    internal async Task<int?> RunAsync(bool force, CancellationToken ct)
    {
        await using var lease = await JobLease.TryAcquireAsync(db, clock, JobName, LeaseDuration, ct);
        if (lease is null)
        {
            logger.LogInformation("Another instance is rebuilding the availability windows; this one skips.");
            return null;
        }

        var horizon = CurrentHorizon();
        if (!force && await lease.CompletedAsync(ct) == Key(horizon))
        {
            logger.LogInformation("Availability windows are current for {FirstDay}..{LastDay}.", horizon.FirstDay, horizon.LastDay);
            return 0;
        }

        var started = clock.GetTimestamp();
        List<Guid> experts;
        await using (var c = await db.OpenAsync(ct))
        {
            experts = (await c.QueryAsync<Guid>(new CommandDefinition(ExpertsWithRulesSql, cancellationToken: ct))).AsList();
        }

        // Chunks are runs of consecutive ids in the database's own order, so "between first and last" means the
        // same on both engines (SQL Server orders uniqueidentifiers differently from their text).
        var written = 0;
        foreach (var chunk in experts.Chunk(ChunkSize))
        {
            written += await db.WriteAsync(async scope =>
            {
                await scope.ExecuteAsync(DeleteHistorySql, new { FirstExpertId = chunk[0], LastExpertId = chunk[^1], horizon.Start });
                return await RebuildAsync(scope, chunk[0], chunk[^1], horizon);
            }, ct);

            await lease.RenewAsync(ct);
        }

        await lease.CompleteAsync(Key(horizon), ct);
        logger.LogInformation(
            "Materialised {Windows} availability windows of {Experts} experts for {FirstDay}..{LastDay} in {Elapsed}.",
            written, experts.Count, horizon.FirstDay, horizon.LastDay, clock.GetElapsedTime(started));
        return written;
    }

    private async Task<int> RebuildAsync(WriteScope scope, Guid firstExpertId, Guid lastExpertId, Horizon horizon)
    {
        var range = new { FirstExpertId = firstExpertId, LastExpertId = lastExpertId, horizon.FirstDay, horizon.LastDay, horizon.Start,
            horizon.End };
        await scope.ExecuteAsync(LockExpertsSql, range);

        var rules = await scope.QueryAsync<AvailabilityRuleRow>(RulesSql, range);
        var absences = (await scope.QueryAsync<AbsenceSpan>(AbsencesSql, range))
            .ToLookup(a => a.ExpertId, a => new TimeInterval(a.StartsAt, a.EndsAt));
        var zones = (await scope.QueryAsync<(string Id, string TimeZone)>(PointZonesSql, range)).ToDictionary(p => p.Id, p => p.TimeZone);
        var closures = (await scope.QueryAsync<ClosureSpan>(ClosuresSql, range))
            .ToLookup(x => x.ServicePointId, x => new DayRange(x.FirstDay, x.LastDay));
        var hours = (await scope.QueryAsync<HoursSpan>(OpeningHoursSql, range))
            .ToLookup(h => h.ServicePointId, h => new OpeningHours(h.Weekday, h.Opens, h.Closes));
        var holidays = FinnishHolidays.Between(horizon.FirstDay.AddDays(-1), horizon.LastDay.AddDays(1));

        var windows = new List<AvailabilityWindowRow>();
        foreach (var rule in rules)
        {
            var zone = rule.TimeZoneFrom(zones);
            IReadOnlyList<DayRange> closed = rule.ServicePointId is null ? [] : closures[rule.ServicePointId].ToList();
            var away = absences[rule.ExpertId].ToList();
            var expanded = WindowExpander.Expand(rule, zone, horizon.FirstDay, horizon.LastDay, holidays, closed, away);
            foreach (var window in expanded.Where(w => w.Start >= horizon.Start))
            {
                windows.AddRange(Rows(rule, window, zone, rule.ServicePointId is null ? [] : hours[rule.ServicePointId].ToList()));
            }
        }

        // Every expert of the range, so that each instance's index reloads their windows (one whose rules are gone too).
        scope.WindowsChanged(rules.Select(r => r.ExpertId).Append(firstExpertId).Append(lastExpertId).Distinct());
        await scope.ExecuteAsync(DeleteWindowsSql, range);
        if (windows.Count == 0)
        {
            return 0;
        }

        var json = db.Dialect == Dialect.SqlServer
            ? WindowsJson(windows, w => w.ToString("O", CultureInfo.InvariantCulture))
            : WindowsJson(windows, DapperTypeHandlers.ToSqliteText);
        await scope.ExecuteAsync(scope.Sql(InsertWindowsSql), new { Windows = json });
        return windows.Count;
    }

    private static IEnumerable<AvailabilityWindowRow> Rows(
        AvailabilityRuleRow rule, TimeInterval window, string zone, IReadOnlyList<OpeningHours> hours)
    {
        if (!rule.AllowsInPerson)
        {
            return [Row(rule, window, inPerson: false)];
        }

        var open = OpeningHoursCut.OpenOn(LocalTime.DateIn(window.Start, zone), hours, zone);
        var others = rule.AllowsRemoteAtPoint || rule.AllowsVideo || rule.AllowsPhone;
        return OpeningHoursCut.Cut(window, open, others).Select(p => Row(rule, p.Span, p.InPerson));
    }

    private static AvailabilityWindowRow Row(AvailabilityRuleRow rule, TimeInterval span, bool inPerson) =>
        new(rule.Id, span.Start, span.End, rule.ExpertId, rule.ServicePointId,
            inPerson, rule.AllowsRemoteAtPoint, rule.AllowsVideo, rule.AllowsPhone);

    // One JSON array of rows for the set-based insert, instants in the text the engine reads back.
    private static string WindowsJson(List<AvailabilityWindowRow> windows, Func<DateTimeOffset, string> instant) =>
        JsonSerializer.Serialize(windows.Select(w => new object?[]
        {
            w.RuleId.ToString("D"), instant(w.StartsAt.ToUniversalTime()), instant(w.EndsAt.ToUniversalTime()),
            w.ExpertId.ToString("D"), w.ServicePointId,
            w.AllowsInPerson ? 1 : 0, w.AllowsRemoteAtPoint ? 1 : 0, w.AllowsVideo ? 1 : 0, w.AllowsPhone ? 1 : 0,
        }));

    private sealed record AbsenceSpan(Guid ExpertId, DateTimeOffset StartsAt, DateTimeOffset EndsAt);

    private sealed record ClosureSpan(string ServicePointId, DateOnly FirstDay, DateOnly LastDay);

    private sealed record HoursSpan
    {
        public string ServicePointId { get; init; } = "";
        public int Weekday { get; init; }
        public TimeOnly Opens { get; init; }
        public TimeOnly Closes { get; init; }
    }
}

internal sealed record AvailabilityWindowRow(
    Guid RuleId,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    Guid ExpertId,
    string? ServicePointId,
    bool AllowsInPerson,
    bool AllowsRemoteAtPoint,
    bool AllowsVideo,
    bool AllowsPhone);
