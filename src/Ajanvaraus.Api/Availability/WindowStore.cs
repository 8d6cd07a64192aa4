using Ajanvaraus.Api.Data;
using Dapper;

namespace Ajanvaraus.Api.Availability;

/// <summary>Reads of the materialised windows, and the bookings they no longer cover.</summary>
internal sealed class WindowStore(Db db)
{
    internal const string ListSql = """
        SELECT w.RuleId, w.StartsAt, w.EndsAt, w.ServicePointId, w.AllowsInPerson, w.AllowsRemoteAtPoint, w.AllowsVideo, w.AllowsPhone, p.TimeZone
        FROM AvailabilityWindows w
        LEFT JOIN ServicePoints p ON p.Id = w.ServicePointId
        WHERE w.ExpertId = @ExpertId AND w.StartsAt < @End AND w.EndsAt > @Start
        ORDER BY w.StartsAt, w.RuleId
        """;

    // A booking is covered when one window of its expert holds it wholly and allows its channel; in person it
    // must also be at the booking's point. Keyset paging on (StartsAt, Id): the first page and the later ones are
    // separate texts, because SQL Server caches one plan per text, and `@After IS NULL OR …` makes that plan start
    // at @Now on every page (a scan of the provider's bookings so far) instead of seeking IX_Bookings_Provider to
    // the cursor. The window lookup is bounded below by @WindowsFrom (a window ends on the day it starts, so
    // one holding a booking starts at most 26 hours before it, DST included): it seeks IX_AvailabilityWindows_Expert
    // on (ExpertId, StartsAt) to a short range instead of reading the expert's windows from the oldest.
    internal static readonly DialectSql ConflictsFirstPageSql = Conflicts("");

    internal static readonly DialectSql ConflictsNextPageSql =
        Conflicts("AND b.StartsAt >= @AfterStartsAt AND (b.StartsAt > @AfterStartsAt OR b.Id > @AfterId)");

    internal static readonly TimeSpan LongestWindow = TimeSpan.FromHours(26);

    private static DialectSql Conflicts(string keyset) => new(
        SqlServer: $"""
            SELECT TOP (@Take) b.Id, b.Reference, b.ExpertId, b.ServiceId, b.StartsAt, b.EndsAt, b.Channel, b.ServicePointId, p.TimeZone
            FROM dbo.Bookings b
            LEFT JOIN dbo.ServicePoints p ON p.Id = b.ServicePointId
            WHERE b.ProviderId = @ProviderId AND b.Status = 'confirmed' AND b.StartsAt >= @Now
              {keyset}
              AND NOT EXISTS (
                SELECT 1 FROM dbo.AvailabilityWindows w
                WHERE w.ExpertId = b.ExpertId AND w.StartsAt >= @WindowsFrom AND w.StartsAt <= b.StartsAt AND w.EndsAt >= b.EndsAt
                  AND ((b.Channel = 'in_person' AND w.AllowsInPerson = 1 AND w.ServicePointId = b.ServicePointId)
                    OR (b.Channel = 'remote_at_point' AND w.AllowsRemoteAtPoint = 1)
                    OR (b.Channel = 'video' AND w.AllowsVideo = 1)
                    OR (b.Channel = 'phone' AND w.AllowsPhone = 1)))
            ORDER BY b.StartsAt, b.Id
            """,
        Sqlite: $"""
            SELECT b.Id, b.Reference, b.ExpertId, b.ServiceId, b.StartsAt, b.EndsAt, b.Channel, b.ServicePointId, p.TimeZone
            FROM Bookings b
            LEFT JOIN ServicePoints p ON p.Id = b.ServicePointId
            WHERE b.ProviderId = @ProviderId AND b.Status = 'confirmed' AND b.StartsAt >= @Now
              {keyset}
              AND NOT EXISTS (
                SELECT 1 FROM AvailabilityWindows w
                WHERE w.ExpertId = b.ExpertId AND w.StartsAt >= @WindowsFrom AND w.StartsAt <= b.StartsAt AND w.EndsAt >= b.EndsAt
                  AND ((b.Channel = 'in_person' AND w.AllowsInPerson = 1 AND w.ServicePointId = b.ServicePointId)
                    OR (b.Channel = 'remote_at_point' AND w.AllowsRemoteAtPoint = 1)
                    OR (b.Channel = 'video' AND w.AllowsVideo = 1)
                    OR (b.Channel = 'phone' AND w.AllowsPhone = 1)))
            ORDER BY b.StartsAt, b.Id
            LIMIT @Take
            """);

    public async Task<IReadOnlyList<WindowRow>> ListAsync(Guid expertId, DateTimeOffset start, DateTimeOffset end, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        var rows = await c.QueryAsync<WindowRow>(new CommandDefinition(ListSql, new { ExpertId = expertId, Start = start, End = end }, cancellationToken: ct));
        return rows.AsList();
    }

    public async Task<IReadOnlyList<ConflictRow>> ConflictsAsync(
        string providerId, DateTimeOffset now, (DateTimeOffset StartsAt, Guid Id)? after, int take, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        // Every booking listed starts at or after @Now (and after the cursor): no window older than this can hold one.
        var windowsFrom = (after is { } a && a.StartsAt > now ? a.StartsAt : now) - LongestWindow;
        var parameters = new { ProviderId = providerId, Now = now, AfterStartsAt = after?.StartsAt, AfterId = after?.Id, WindowsFrom = windowsFrom, Take = take };
        var sql = db.Sql(after is null ? ConflictsFirstPageSql : ConflictsNextPageSql);
        var rows = await c.QueryAsync<ConflictRow>(new CommandDefinition(sql, parameters, cancellationToken: ct));
        return rows.AsList();
    }
}
