using Ajanvaraus.Api.Availability;
using Ajanvaraus.Api.Search;

namespace Ajanvaraus.Api.Bookings;

// Who answers "any expert", from this instance's index without a read: the experts free at the asked time, the least
// booked that local day first; among equally loaded ones an order drawn from the request's own key, so that a herd
// of bookers after one popular time spreads over the free experts instead of all inserting for the same one (fifteen
// of sixteen would lose and retry). The index may be a moment behind: a pick whose units are taken loses its unique
// insert and the next one is tried, so a stale index costs a retry, never a double booking.
internal static class ExpertChoice
{
    // The free experts in the order to try them; Published says whether anyone offers the time at all (409 or 400).
    public static (IReadOnlyList<Guid> Free, bool Published) Experts(IndexState state, TimeAsk time, DateTimeOffset now, string fairness)
    {
        var points = time.Point is { } point && state.Catalogue.Points.TryGetValue(point.Id, out var p) ? [p] : new List<IndexPoint>();
        var ask = SearchAsk.Within(time.Service, [time.Channel], points, null, null, time.Start, time.Start, now, time.BindNotice);
        List<Guid> At(bool ignoreTaken) => IndexSearch.Slots(state, ask, time.Start, time.Start.AddTicks(1), now, ignoreTaken)
            .Where(s => s.Start == time.Start && s.ServicePointId == time.Point?.Id).Select(s => s.ExpertId).Distinct().ToList();
        var free = At(ignoreTaken: false);
        if (free.Count == 0)
        {
            return ([], At(ignoreTaken: true).Count > 0);
        }

        var day = LocalTime.DateIn(time.Start, time.Zone);
        var first = state.Span.UnitOf(LocalTime.StartOfDay(day, time.Zone));
        var units = state.Span.UnitOf(LocalTime.StartOfDay(day.AddDays(1), time.Zone)) - first;
        return (free.OrderBy(e => state.UnitsOf(e).BookedIn(first, units)).ThenBy(e => Draw(fairness, e)).ToList(), true);
    }

    // The rooms the index has free for the time first, otherwise in the point's order: every taken room tried first
    // costs a failed insert (an exception on SQLite, a lock wait on SQL Server) inside the write.
    public static IReadOnlyList<Guid> RoomsFreeFirst(IndexState state, IReadOnlyList<Guid> rooms, DateTimeOffset start, DateTimeOffset end,
        DateTimeOffset now)
    {
        if (rooms.Count < 2)
        {
            return rooms;
        }

        var (first, count) = (state.Span.UnitOf(start), UnitMath.Units(start, end).Count);
        return rooms.OrderBy(room => state.UnitsOf(room).IsFree(first, count, now.UtcTicks) ? 0 : 1).ToList();
    }

    // The same request (its idempotency key) draws the same order in this process; two requests almost never the same
    // one. Nothing depends on the order beyond spreading the herd, so the process's own hash seed is good enough.
    private static int Draw(string fairness, Guid expert) => HashCode.Combine(fairness, expert);
}
