using Ajanvaraus.Api.Availability;

namespace Ajanvaraus.Api.Search;

// One time-first item: a start at a place by a channel, and who could take it.
internal sealed record TimeGroup(string Key, Slot First, int FreeExperts, IReadOnlyList<string> Languages, IReadOnlyList<Guid> Experts);

// Groups the index's slots into one item per (start, channel, point), in that order, a day of starts at a time until
// the page is full: a week's question costs what its first page costs.
internal static class TimeFirstPage
{
    private static readonly TimeSpan Chunk = TimeSpan.FromDays(1);

    public static List<TimeGroup> Take(IndexState state, SearchAsk ask, string? after, int count, DateTimeOffset now)
    {
        var items = new List<TimeGroup>();
        var from = ask.NotBefore;
        if (after is not null && StartOf(after) is { } resume && resume > from)
        {
            from = resume;
        }

        for (; from <= ask.NotAfter && items.Count < count; from += Chunk)
        {
            var slots = IndexSearch.Slots(state, ask, from, from + Chunk, now);
            items.AddRange(Group(state, ask, slots, now).Where(g => after is null || string.CompareOrdinal(g.Key, after) > 0));
        }

        return items.Take(count).ToList();
    }

    // The start a cursor key names, or null when it is not one of ours.
    public static DateTimeOffset? StartOf(string key) =>
        key.Length >= 20 && long.TryParse(key.AsSpan(0, 20), out var ticks) && ticks >= 0 && ticks <= DateTimeOffset.MaxValue.UtcTicks
            ? new DateTimeOffset(ticks, TimeSpan.Zero)
            : null;

    public static string KeyOf(Slot slot) => $"{slot.Start.UtcTicks:D20}|{(int)slot.Channel}|{slot.ServicePointId}";

    // remote_at_point needs a room per expert: as many can take a time as there are both free experts and free rooms.
    private static IEnumerable<TimeGroup> Group(IndexState state, SearchAsk ask, List<Slot> slots, DateTimeOffset now)
    {
        var units = ask.Service.DurationMinutes / UnitMath.UnitMinutes;
        var experts = state.Catalogue.Experts;
        return slots.GroupBy(KeyOf, StringComparer.Ordinal)
            .Select(g =>
            {
                var first = g.First();
                var who = g.Select(s => s.ExpertId).Distinct().Order().ToList();
                var free = who.Count;
                if (first.Channel == Channel.RemoteAtPoint && state.Catalogue.Points.TryGetValue(first.ServicePointId!, out var point))
                {
                    free = Math.Min(free, IndexSearch.FreeRooms(state, point, first.Start, units, now));
                }

                var languages = who.SelectMany(e => experts.TryGetValue(e, out var x) ? x.Languages : []).Distinct().Order().ToList();
                return new TimeGroup(g.Key, first, free, languages, who);
            })
            .OrderBy(g => g.Key, StringComparer.Ordinal);
    }
}
