using Ajanvaraus.Api.Data;
using Dapper;

namespace Ajanvaraus.Api.Availability;

// Reads of the materialised windows, and the bookings they no longer cover.
internal sealed class WindowStore(Db db, Microsoft.Extensions.Options.IOptions<AvailabilityOptions>? options = null)
{
    internal const string ListSql = """
        SELECT w.RuleId, w.StartsAt, w.EndsAt, w.ServicePointId, w.AllowsInPerson, w.AllowsRemoteAtPoint, w.AllowsVideo, w.AllowsPhone, p.TimeZone
        FROM AvailabilityWindows w
        LEFT JOIN ServicePoints p ON p.Id = w.ServicePointId
        WHERE w.ExpertId = @ExpertId AND w.StartsAt < @End AND w.EndsAt > @Start
        ORDER BY w.StartsAt, w.RuleId
        """;

    // A booking is covered when one window of its expert holds it wholly and allows its channel; in person it
    // must also be at the booking's point. A remote-at-point booking also needs its point open: closures are local
    // days, so the query keeps those within a day of one (Why = 'closed') and ClosedOnAsync decides in the point's
    // zone. SQL Server: plain shared reads under READ COMMITTED, no locks kept.
    // Keyset paging on (StartsAt, Id): the first page and the later ones are
    // separate texts, because SQL Server caches one plan per text, and `@After IS NULL OR …` makes that plan start
    // at @Now on every page (a scan of the provider's bookings so far) instead of seeking IX_Bookings_Provider to
    // the cursor. The window lookup is bounded below by @WindowsFrom (a window ends on the day it starts, so
    // one holding a booking starts at most 26 hours before it, DST included): it seeks IX_AvailabilityWindows_Expert
    // on (ExpertId, StartsAt) to a short range instead of reading the expert's windows from the oldest.
    internal static readonly DialectSql ConflictsFirstPageSql = Conflicts("");

    internal static readonly DialectSql ConflictsNextPageSql =
        Conflicts("AND b.StartsAt >= @AfterStartsAt AND (b.StartsAt > @AfterStartsAt OR b.Id > @AfterId)");

    internal static readonly TimeSpan LongestWindow = TimeSpan.FromHours(26);

    // The upper bound (@Until): windows exist only up to the horizon, so a booking past it cannot be judged yet (it is,
    // once the nightly extension reaches it). Without it, a provider with few conflicts read every future booking it had.
    private DateTimeOffset JudgedUntil(DateTimeOffset now) => Horizon.At(now, options?.Value.HorizonDays ?? 90).End;

    private static DialectSql Conflicts(string keyset) => new(
        SqlServer: $"""
            SELECT TOP (@Take) b.Id, b.Reference, b.ExpertId, b.ServiceId, b.StartsAt, b.EndsAt, b.Channel, b.ServicePointId, p.TimeZone,
                CASE WHEN NOT EXISTS (
                    SELECT 1 FROM dbo.AvailabilityWindows w
                    WHERE w.ExpertId = b.ExpertId AND w.StartsAt >= @WindowsFrom AND w.StartsAt <= b.StartsAt AND w.EndsAt >= b.EndsAt
                      AND ((b.Channel = 'in_person' AND w.AllowsInPerson = 1 AND w.ServicePointId = b.ServicePointId)
                        OR (b.Channel = 'remote_at_point' AND w.AllowsRemoteAtPoint = 1)
                        OR (b.Channel = 'video' AND w.AllowsVideo = 1)
                        OR (b.Channel = 'phone' AND w.AllowsPhone = 1))) THEN 'uncovered' ELSE 'closed' END AS Why
            FROM dbo.Bookings b
            LEFT JOIN dbo.ServicePoints p ON p.Id = b.ServicePointId
            WHERE b.ProviderId = @ProviderId AND b.Status = 'confirmed' AND b.StartsAt >= @Now AND b.StartsAt < @Until
              {keyset}
              AND (NOT EXISTS (
                    SELECT 1 FROM dbo.AvailabilityWindows w
                    WHERE w.ExpertId = b.ExpertId AND w.StartsAt >= @WindowsFrom AND w.StartsAt <= b.StartsAt AND w.EndsAt >= b.EndsAt
                      AND ((b.Channel = 'in_person' AND w.AllowsInPerson = 1 AND w.ServicePointId = b.ServicePointId)
                        OR (b.Channel = 'remote_at_point' AND w.AllowsRemoteAtPoint = 1)
                        OR (b.Channel = 'video' AND w.AllowsVideo = 1)
                        OR (b.Channel = 'phone' AND w.AllowsPhone = 1)))
                OR (b.Channel = 'remote_at_point' AND EXISTS (
                    SELECT 1 FROM dbo.ServicePointClosures c
                    WHERE c.ServicePointId = b.ServicePointId
                      AND c.FirstDay <= DATEADD(day, 1, CAST(b.StartsAt AS DATE))
                      AND c.LastDay >= DATEADD(day, -1, CAST(b.StartsAt AS DATE)))))
            ORDER BY b.StartsAt, b.Id
            """,
        Sqlite: $"""
            SELECT b.Id, b.Reference, b.ExpertId, b.ServiceId, b.StartsAt, b.EndsAt, b.Channel, b.ServicePointId, p.TimeZone,
                CASE WHEN NOT EXISTS (
                    SELECT 1 FROM AvailabilityWindows w
                    WHERE w.ExpertId = b.ExpertId AND w.StartsAt >= @WindowsFrom AND w.StartsAt <= b.StartsAt AND w.EndsAt >= b.EndsAt
                      AND ((b.Channel = 'in_person' AND w.AllowsInPerson = 1 AND w.ServicePointId = b.ServicePointId)
                        OR (b.Channel = 'remote_at_point' AND w.AllowsRemoteAtPoint = 1)
                        OR (b.Channel = 'video' AND w.AllowsVideo = 1)
                        OR (b.Channel = 'phone' AND w.AllowsPhone = 1))) THEN 'uncovered' ELSE 'closed' END AS Why
            FROM Bookings b
            LEFT JOIN ServicePoints p ON p.Id = b.ServicePointId
            WHERE b.ProviderId = @ProviderId AND b.Status = 'confirmed' AND b.StartsAt >= @Now AND b.StartsAt < @Until
              {keyset}
              AND (NOT EXISTS (
                    SELECT 1 FROM AvailabilityWindows w
                    WHERE w.ExpertId = b.ExpertId AND w.StartsAt >= @WindowsFrom AND w.StartsAt <= b.StartsAt AND w.EndsAt >= b.EndsAt
                      AND ((b.Channel = 'in_person' AND w.AllowsInPerson = 1 AND w.ServicePointId = b.ServicePointId)
                        OR (b.Channel = 'remote_at_point' AND w.AllowsRemoteAtPoint = 1)
                        OR (b.Channel = 'video' AND w.AllowsVideo = 1)
                        OR (b.Channel = 'phone' AND w.AllowsPhone = 1)))
                OR (b.Channel = 'remote_at_point' AND EXISTS (
                    SELECT 1 FROM ServicePointClosures c
                    WHERE c.ServicePointId = b.ServicePointId
                      AND c.FirstDay <= date(substr(b.StartsAt, 1, 10), '+1 day')
                      AND c.LastDay >= date(substr(b.StartsAt, 1, 10), '-1 day'))))
            ORDER BY b.StartsAt, b.Id
            LIMIT @Take
            """);

    // The calendar sources whose busy times overlap a conflict (Calendars/Sources). SQL Server: a seek on
    // IX_CalendarBusyTimes_Expert, shared reads under READ COMMITTED.
    internal const string BusySourcesSql = """
        SELECT s.Id AS SourceId, s.Name, s.LastSuccessAt
        FROM CalendarBusyTimes t JOIN CalendarSources s ON s.Id = t.SourceId
        WHERE t.ExpertId = @ExpertId AND t.StartsAt < @EndsAt AND t.EndsAt > @StartsAt
        ORDER BY s.Name, s.Id
        """;

    internal const string ClosedOnSql = """
        SELECT COUNT(*) FROM ServicePointClosures WHERE ServicePointId = @ServicePointId AND FirstDay <= @Day AND LastDay >= @Day
        """;

    public async Task<IReadOnlyList<WindowRow>> ListAsync(Guid expertId, DateTimeOffset start, DateTimeOffset end, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        var rows = await c.QueryAsync<WindowRow>(new CommandDefinition(ListSql, new { ExpertId = expertId, Start = start, End = end },
            cancellationToken: ct));
        return rows.AsList();
    }

    // Up to take conflicts from the cursor on; candidates only near a closure that turn out open are skipped.
    // A conflict's reason when a calendar source's busy time overlaps it; staleBefore decides whether that source is stale.
    public async Task<IReadOnlyList<ConflictRow>> ConflictsAsync(
        string providerId, DateTimeOffset now, DateTimeOffset staleBefore, (DateTimeOffset StartsAt, Guid Id)? after, int take,
        CancellationToken ct)
    {
        var found = await UncoveredAsync(providerId, now, after, take, ct);
        await using var c = await db.OpenAsync(ct);
        var named = new List<ConflictRow>(found.Count);
        foreach (var row in found)
        {
            var args = new { row.ExpertId, row.StartsAt, row.EndsAt };
            var source = (await c.QueryAsync<(Guid SourceId, string Name, DateTimeOffset? LastSuccessAt)>(
                new CommandDefinition(BusySourcesSql, args, cancellationToken: ct))).FirstOrDefault();
            named.Add(source.Name is null ? row : row with
            {
                CalendarSource = new ConflictSourceResponse(source.SourceId, source.Name,
                    source.LastSuccessAt is not { } at || at < staleBefore),
            });
        }

        return named;
    }

    private async Task<IReadOnlyList<ConflictRow>> UncoveredAsync(
        string providerId, DateTimeOffset now, (DateTimeOffset StartsAt, Guid Id)? after, int take, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        var found = new List<ConflictRow>();
        while (true)
        {
            // Every booking listed starts at or after @Now (and after the cursor): no window older than this can hold one.
            var windowsFrom = (after is { } a && a.StartsAt > now ? a.StartsAt : now) - LongestWindow;
            var parameters = new { ProviderId = providerId, Now = now, AfterStartsAt = after?.StartsAt, AfterId = after?.Id,
                WindowsFrom = windowsFrom, Take = take, Until = JudgedUntil(now) };
            var sql = db.Sql(after is null ? ConflictsFirstPageSql : ConflictsNextPageSql);
            var command = new CommandDefinition(sql, parameters, cancellationToken: ct);
            var rows = (await c.QueryAsync<ConflictRow>(command)).AsList();
            foreach (var row in rows)
            {
                if (row.Why == "uncovered" || await ClosedOnAsync(c, row, ct))
                {
                    found.Add(row);
                    if (found.Count == take)
                    {
                        return found;
                    }
                }
            }

            if (rows.Count < take)
            {
                return found;
            }

            after = (rows[^1].StartsAt, rows[^1].Id);
        }
    }

    private static async Task<bool> ClosedOnAsync(System.Data.Common.DbConnection c, ConflictRow row, CancellationToken ct)
    {
        var day = DateOnly.FromDateTime(LocalTime.InZone(row.StartsAt, row.TimeZone ?? LocalTime.Helsinki).DateTime);
        var args = new { row.ServicePointId, Day = day };
        return await c.ExecuteScalarAsync<int>(new CommandDefinition(ClosedOnSql, args, cancellationToken: ct)) > 0;
    }
}
