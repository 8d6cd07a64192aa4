using System.Text.Json;
using Ajanvaraus.Api.Availability;
using Ajanvaraus.Api.Data;
using Ajanvaraus.Api.Search;
using Ajanvaraus.Api.Services;
using Dapper;

namespace Ajanvaraus.Api.Bookings;

// Who answers "any expert": the experts this instance's index has free at the asked time, the one with the fewest
// bookings that local day first, ties by id; and which video room to try first. The index may be a moment behind: a
// pick whose units are taken loses its unique insert and the next one is tried, so a stale index costs a retry, never
// a double booking.
internal sealed class ExpertChoice(Db db, AvailabilityIndex index, TimeProvider clock)
{
    internal static readonly DialectSql DayBookingsSql = new(
        SqlServer: """
            SELECT b.ExpertId, COUNT(*) AS Bookings
            FROM dbo.Bookings b
            WHERE b.ExpertId IN (SELECT CAST(j.value AS UNIQUEIDENTIFIER) FROM OPENJSON(@ExpertIds) j)
              AND b.StartsAt >= @DayStart AND b.StartsAt < @DayEnd AND b.Status <> 'cancelled'
            GROUP BY b.ExpertId
            """,
        Sqlite: """
            SELECT b.ExpertId, COUNT(*) AS Bookings
            FROM Bookings b
            WHERE b.ExpertId IN (SELECT j.value FROM json_each(@ExpertIds) j)
              AND b.StartsAt >= @DayStart AND b.StartsAt < @DayEnd AND b.Status <> 'cancelled'
            GROUP BY b.ExpertId
            """);

    // The free experts in the order to try them; Published says whether anyone offers the time at all (409 or 400).
    public async Task<(IReadOnlyList<Guid> Free, bool Published)> ExpertsAsync(
        ServiceRow service, DateTimeOffset start, Channel channel, string? servicePointId, bool bindNotice, CancellationToken ct)
    {
        var state = await index.StateAsync(ct);
        var now = clock.GetUtcNow();
        var points = state.Catalogue.PointsFor(service, servicePointId, null);
        var ask = SearchAsk.Within(service, [channel], points, null, null, start, start, now, bindNotice);
        List<Guid> At(bool ignoreTaken) => IndexSearch.Slots(state, ask, start, start.AddTicks(1), now, ignoreTaken)
            .Where(s => s.Start == start && s.ServicePointId == servicePointId).Select(s => s.ExpertId).Distinct().ToList();
        var free = At(ignoreTaken: false);
        if (free.Count == 0)
        {
            return ([], At(ignoreTaken: true).Count > 0);
        }

        var zone = points.Count > 0 ? points[0].Point.TimeZone : LocalTime.Helsinki;
        var day = LocalTime.DateIn(start, zone);
        await using var c = await db.OpenAsync(ct);
        var counts = (await c.QueryAsync<(Guid ExpertId, int Bookings)>(new CommandDefinition(db.Sql(DayBookingsSql), new
        {
            ExpertIds = JsonSerializer.Serialize(free.Select(e => e.ToString("D"))),
            DayStart = LocalTime.StartOfDay(day, zone),
            DayEnd = LocalTime.StartOfDay(day.AddDays(1), zone),
        }, cancellationToken: ct))).ToDictionary(x => x.ExpertId, x => x.Bookings);
        return (free.OrderBy(e => counts.GetValueOrDefault(e)).ThenBy(e => e).ToList(), true);
    }

    // The rooms with those the index has free for [start, end) first, otherwise in the point's order: every taken room
    // tried first costs a failed insert (an exception on SQLite, a lock wait on SQL Server) inside the write.
    public async Task<IReadOnlyList<Guid>> RoomsFreeFirstAsync(IReadOnlyList<Guid> rooms, DateTimeOffset start, DateTimeOffset end,
        CancellationToken ct)
    {
        if (rooms.Count < 2)
        {
            return rooms;
        }

        var state = await index.StateAsync(ct);
        var (first, units, now) = (state.Span.UnitOf(start), UnitMath.Units(start, end).Count, clock.GetUtcNow().UtcTicks);
        return rooms.OrderBy(room => state.UnitsOf(room).IsFree(first, units, now) ? 0 : 1).ToList();
    }
}
