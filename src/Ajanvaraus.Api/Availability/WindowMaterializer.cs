using System.Data.Common;
using Ajanvaraus.Api.Data;
using Dapper;
using Hangfire;
using Microsoft.Extensions.Options;

namespace Ajanvaraus.Api.Availability;

/// <summary>
/// Keeps AvailabilityWindows equal to the rules, absences, holidays and closures for the horizon. A change
/// rebuilds its expert's windows in the change's own transaction; a daily job moves the horizon on. Only
/// windows are written: bookings and booked units are never touched (a booking left outside every window
/// is a conflict for the agency to resolve).
/// </summary>
internal sealed class WindowMaterializer(Db db, TimeProvider clock, IOptions<AvailabilityOptions> options, ILogger<WindowMaterializer> logger)
{
    // Experts rebuilt per transaction by ExtendAllAsync: short enough for bookings to get the write lock between chunks.
    internal const int ChunkSize = 250;

    // Writers of one expert's availability take that expert's row lock first, so a rule change and the daily
    // job serialise instead of one rebuilding from rules the other is changing (SQLite locks the file anyway).
    internal const string LockExpertsSql = """
        UPDATE Experts SET IsActive = IsActive WHERE Id >= @FirstExpertId AND Id <= @LastExpertId
        """;

    internal const string ExpertsWithRulesSql = """
        SELECT DISTINCT ExpertId FROM AvailabilityRules ORDER BY ExpertId
        """;

    internal const string ExpertsAtPointSql = """
        SELECT DISTINCT ExpertId FROM AvailabilityRules WHERE ServicePointId = @ServicePointId
        """;

    internal const string RulesSql = """
        SELECT Id, ExpertId, ServicePointId, AllowsInPerson, AllowsRemoteAtPoint, AllowsVideo, AllowsPhone,
               StartTime, EndTime, RecurrenceRule, ValidFrom, ValidUntil
        FROM AvailabilityRules
        WHERE ExpertId >= @FirstExpertId AND ExpertId <= @LastExpertId
          AND ValidFrom <= @LastDay AND (ValidUntil IS NULL OR ValidUntil >= @FirstDay)
        """;

    internal const string AbsencesSql = """
        SELECT ExpertId, StartsAt, EndsAt
        FROM Absences
        WHERE ExpertId >= @FirstExpertId AND ExpertId <= @LastExpertId AND EndsAt > @Start AND StartsAt < @End
        """;

    internal const string PointZonesSql = """
        SELECT Id, TimeZone FROM ServicePoints
        """;

    internal const string ClosuresSql = """
        SELECT ServicePointId, FirstDay, LastDay
        FROM ServicePointClosures
        WHERE LastDay >= @FirstDay AND FirstDay <= @LastDay
        """;

    internal const string DeleteWindowsSql = """
        DELETE FROM AvailabilityWindows
        WHERE ExpertId >= @FirstExpertId AND ExpertId <= @LastExpertId AND StartsAt >= @Start
        """;

    internal const string InsertWindowSql = """
        INSERT INTO AvailabilityWindows (RuleId, StartsAt, EndsAt, ExpertId, ServicePointId, AllowsInPerson, AllowsRemoteAtPoint, AllowsVideo, AllowsPhone)
        VALUES (@RuleId, @StartsAt, @EndsAt, @ExpertId, @ServicePointId, @AllowsInPerson, @AllowsRemoteAtPoint, @AllowsVideo, @AllowsPhone)
        """;

    internal const string DeleteHistorySql = """
        DELETE FROM AvailabilityWindows WHERE EndsAt < @Start
        """;

    public Horizon CurrentHorizon() => Horizon.At(clock.GetUtcNow(), options.Value.HorizonDays);

    /// <summary>Locks the expert against concurrent rebuilds: call first in a transaction that changes their availability.</summary>
    public static Task LockExpertAsync(Guid expertId, DbConnection c, DbTransaction tx, CancellationToken ct) =>
        c.ExecuteAsync(new CommandDefinition(LockExpertsSql, new { FirstExpertId = expertId, LastExpertId = expertId }, tx, cancellationToken: ct));

    /// <summary>Rebuilds one expert's windows for the horizon inside the caller's transaction; returns how many were written.</summary>
    public Task<int> RebuildExpertAsync(Guid expertId, DbConnection c, DbTransaction tx, CancellationToken ct) =>
        RebuildAsync(expertId, expertId, CurrentHorizon(), c, tx, ct);

    public async Task<int> RebuildExpertAsync(Guid expertId, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        await using var tx = await c.BeginTransactionAsync(ct);
        var written = await RebuildExpertAsync(expertId, c, tx, ct);
        await tx.CommitAsync(ct);
        return written;
    }

    /// <summary>After a change of a point's closures: rebuilds every expert with a rule at that point.</summary>
    public async Task RebuildServicePointAsync(string servicePointId, CancellationToken ct)
    {
        List<Guid> experts;
        await using (var c = await db.OpenAsync(ct))
        {
            experts = (await c.QueryAsync<Guid>(new CommandDefinition(ExpertsAtPointSql, new { ServicePointId = servicePointId }, cancellationToken: ct))).AsList();
        }

        foreach (var expertId in experts)
        {
            await RebuildExpertAsync(expertId, ct);
        }
    }

    /// <summary>The daily job: rebuilds every expert for the current horizon (so a new day appears at its end)
    /// and drops windows that ended before it.</summary>
    [DisableConcurrentExecution(timeoutInSeconds: 600)]
    public async Task<int> ExtendAllAsync(CancellationToken ct)
    {
        var horizon = CurrentHorizon();
        var started = clock.GetTimestamp();
        List<Guid> experts;
        await using (var c = await db.OpenAsync(ct))
        {
            experts = (await c.QueryAsync<Guid>(new CommandDefinition(ExpertsWithRulesSql, cancellationToken: ct))).AsList();
            await c.ExecuteAsync(new CommandDefinition(DeleteHistorySql, new { horizon.Start }, cancellationToken: ct));
        }

        // Chunks are runs of consecutive ids in the database's own order, so "between first and last" means the
        // same on both engines (SQL Server orders uniqueidentifiers differently from their text).
        var written = 0;
        foreach (var chunk in experts.Chunk(ChunkSize))
        {
            await using var c = await db.OpenAsync(ct);
            await using var tx = await c.BeginTransactionAsync(ct);
            written += await RebuildAsync(chunk[0], chunk[^1], horizon, c, tx, ct);
            await tx.CommitAsync(ct);
        }

        logger.LogInformation(
            "Materialised {Windows} availability windows of {Experts} experts for {FirstDay}..{LastDay} in {Elapsed}.",
            written, experts.Count, horizon.FirstDay, horizon.LastDay, clock.GetElapsedTime(started));
        return written;
    }

    private static async Task<int> RebuildAsync(Guid firstExpertId, Guid lastExpertId, Horizon horizon, DbConnection c, DbTransaction tx, CancellationToken ct)
    {
        var range = new { FirstExpertId = firstExpertId, LastExpertId = lastExpertId, horizon.FirstDay, horizon.LastDay, horizon.Start, horizon.End };
        await c.ExecuteAsync(new CommandDefinition(LockExpertsSql, range, tx, cancellationToken: ct));

        var rules = (await c.QueryAsync<AvailabilityRuleRow>(new CommandDefinition(RulesSql, range, tx, cancellationToken: ct))).AsList();
        var absences = (await c.QueryAsync<AbsenceSpan>(new CommandDefinition(AbsencesSql, range, tx, cancellationToken: ct)))
            .ToLookup(a => a.ExpertId, a => new TimeInterval(a.StartsAt, a.EndsAt));
        var zones = (await c.QueryAsync<(string Id, string TimeZone)>(new CommandDefinition(PointZonesSql, transaction: tx, cancellationToken: ct)))
            .ToDictionary(p => p.Id, p => p.TimeZone);
        var closures = (await c.QueryAsync<ClosureSpan>(new CommandDefinition(ClosuresSql, range, tx, cancellationToken: ct)))
            .ToLookup(x => x.ServicePointId, x => new DayRange(x.FirstDay, x.LastDay));
        var holidays = FinnishHolidays.Between(horizon.FirstDay.AddDays(-1), horizon.LastDay.AddDays(1));

        var windows = new List<AvailabilityWindowRow>();
        foreach (var rule in rules)
        {
            IReadOnlyList<DayRange> closed = rule.ServicePointId is null ? [] : closures[rule.ServicePointId].ToList();
            var expanded = WindowExpander.Expand(rule, rule.TimeZoneFrom(zones), horizon.FirstDay, horizon.LastDay, holidays, closed, absences[rule.ExpertId].ToList());
            windows.AddRange(expanded
                .Where(w => w.Start >= horizon.Start)
                .Select(w => new AvailabilityWindowRow(rule.Id, w.Start, w.End, rule.ExpertId, rule.ServicePointId, rule.AllowsInPerson, rule.AllowsRemoteAtPoint, rule.AllowsVideo, rule.AllowsPhone)));
        }

        await c.ExecuteAsync(new CommandDefinition(DeleteWindowsSql, range, tx, cancellationToken: ct));
        // Dapper runs the insert once per row on the one prepared command.
        return windows.Count == 0 ? 0 : await c.ExecuteAsync(new CommandDefinition(InsertWindowSql, windows, tx, cancellationToken: ct));
    }

    private sealed record AbsenceSpan(Guid ExpertId, DateTimeOffset StartsAt, DateTimeOffset EndsAt);

    private sealed record ClosureSpan(string ServicePointId, DateOnly FirstDay, DateOnly LastDay);
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
