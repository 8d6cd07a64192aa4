using Ajanvaraus.Api.Availability;
using Ajanvaraus.Api.Services;

namespace Ajanvaraus.Api.Search;

// One expert's joined windows in start order, and the longest of them (how far back a window can reach into a range).
internal sealed record ExpertWindows(SlotWindow[] Sorted, TimeSpan Longest)
{
    public static readonly ExpertWindows None = new([], TimeSpan.Zero);

    public static ExpertWindows Of(IEnumerable<SlotWindow> windows)
    {
        var joined = WindowJoin.Join(windows).ToArray();
        return new ExpertWindows(joined, joined.Length == 0 ? TimeSpan.Zero : joined.Max(w => w.EndsAt - w.StartsAt));
    }

    // Index of the first window that may reach past `from`.
    public int FirstReaching(DateTimeOffset from)
    {
        var earliest = from - Longest;
        int low = 0, high = Sorted.Length;
        while (low < high)
        {
            var mid = (low + high) / 2;
            (low, high) = Sorted[mid].StartsAt < earliest ? (mid + 1, high) : (low, mid);
        }

        return low;
    }
}

// What a search asks the index: the service, channels, points (resolved from the catalogue), language, one expert
// or any, and the earliest and latest start (notice and horizon already applied).
internal sealed record SearchAsk(ServiceRow Service, IReadOnlyList<Channel> Channels, IReadOnlyList<IndexPoint> Points,
    string? Language, Guid? ExpertId, DateTimeOffset NotBefore, DateTimeOffset NotAfter)
{
    // Earliest start: now plus the service's notice (staff serving a walk-in: now); latest: the end of the asked range
    // and of the service's horizon.
    public static SearchAsk Within(ServiceRow service, IReadOnlyList<Channel> channels, IReadOnlyList<IndexPoint> points,
        string? language, Guid? expertId, DateTimeOffset from, DateTimeOffset to, DateTimeOffset now, bool bindNotice = true)
    {
        var earliest = bindNotice ? now.AddMinutes(service.MinimumNoticeMinutes) : now;
        var latest = now.AddDays(service.BookingHorizonDays);
        return new SearchAsk(service, channels, points, language, expertId, from > earliest ? from : earliest, to < latest ? to : latest);
    }

    // Every expert and video room whose time an answer to this question depends on.
    public IReadOnlyCollection<Guid> Resources(IndexCatalogue catalogue)
    {
        IEnumerable<Guid> experts = ExpertId is { } one ? [one] : catalogue.ExpertsByService.GetValueOrDefault(Service.Id, []);
        return [.. experts, .. Points.SelectMany(p => p.Rooms.VideoRoomIds)];
    }
}

// Free slots from the index: the same rules as SlotCalculator (windows on the service's step, every unit of the expert
// free; remote_at_point also a free room of the point within its opening hours, not on a closed day), read from memory.
internal static class IndexSearch
{
    // With ignoreTaken, the slots the windows publish whether or not they are booked (is a time taken, or never offered?).
    public static List<Slot> Slots(IndexState state, SearchAsk ask, DateTimeOffset from, DateTimeOffset to, DateTimeOffset now,
        bool ignoreTaken = false)
    {
        var catalogue = state.Catalogue;
        var service = ask.Service;
        var experts = catalogue.ExpertsByService.GetValueOrDefault(service.Id, []);
        var duration = TimeSpan.FromMinutes(service.DurationMinutes);
        var step = TimeSpan.FromMinutes(SlotCalculator.StepMinutes(service.DurationMinutes));
        var units = service.DurationMinutes / UnitMath.UnitMinutes;
        var inPerson = ask.Points.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        var floor = Max(CeilingToUnit(ask.NotBefore), CeilingToUnit(from));
        var found = new HashSet<Slot>();
        foreach (var expertId in experts)
        {
            if ((ask.ExpertId is { } only && only != expertId) || !catalogue.Experts.TryGetValue(expertId, out var expert)
                || (ask.Language is { } language && !expert.Languages.Contains(language)))
            {
                continue;
            }

            var windows = state.WindowsOf(expertId);
            var taken = state.UnitsOf(expertId);
            for (var i = windows.FirstReaching(from); i < windows.Sorted.Length && windows.Sorted[i].StartsAt < to; i++)
            {
                var window = windows.Sorted[i];
                if (window.EndsAt <= from || !ask.Channels.Any(window.Channels.Allows))
                {
                    continue;
                }

                var origin = CeilingToUnit(window.StartsAt);
                for (var start = Align(origin, floor, step); start + duration <= window.EndsAt && start <= ask.NotAfter && start < to;
                     start += step)
                {
                    if (ignoreTaken || taken.IsFree(state.Span.UnitOf(start), units, now.UtcTicks))
                    {
                        Add(found, state, ask, window, inPerson, start, start + duration, units, ignoreTaken ? null : now);
                    }
                }
            }
        }

        return found.OrderBy(s => s.Start).ThenBy(s => s.ExpertId).ThenBy(s => s.Channel)
            .ThenBy(s => s.ServicePointId, StringComparer.Ordinal).ToList();
    }

    // The first free room of a point for [start, end), or none; rooms are tried in the order booking tries them.
    public static Guid? FreeRoom(IndexState state, IndexPoint point, DateTimeOffset start, int units, DateTimeOffset now)
    {
        var first = state.Span.UnitOf(start);
        foreach (var room in point.Rooms.VideoRoomIds)
        {
            if (state.UnitsOf(room).IsFree(first, units, now.UtcTicks))
            {
                return room;
            }
        }

        return null;
    }

    public static int FreeRooms(IndexState state, IndexPoint point, DateTimeOffset start, int units, DateTimeOffset now) =>
        point.Rooms.VideoRoomIds.Count(room => state.UnitsOf(room).IsFree(state.Span.UnitOf(start), units, now.UtcTicks));

    private static void Add(HashSet<Slot> found, IndexState state, SearchAsk ask, SlotWindow window, HashSet<string> inPerson,
        DateTimeOffset start, DateTimeOffset end, int units, DateTimeOffset? now)
    {
        foreach (var channel in ask.Channels)
        {
            if (!window.Channels.Allows(channel))
            {
                continue;
            }

            switch (channel)
            {
                case Channel.InPerson when window.ServicePointId is { } point && inPerson.Contains(point):
                    found.Add(new Slot(start, end, channel, window.ExpertId, point, null));
                    break;
                case Channel.RemoteAtPoint:
                    foreach (var point in ask.Points)
                    {
                        var room = now is { } at ? FreeRoom(state, point, start, units, at) : point.Rooms.VideoRoomIds.FirstOrDefault();
                        if (SlotCalculator.IsOpen(point.Rooms, start, end) && room is { } free && free != Guid.Empty)
                        {
                            found.Add(new Slot(start, end, channel, window.ExpertId, point.Id, free));
                        }
                    }

                    break;
                case Channel.Video or Channel.Phone:
                    found.Add(new Slot(start, end, channel, window.ExpertId, null, null));
                    break;
            }
        }
    }

    // The first start on the window's step grid at or after atLeast.
    private static DateTimeOffset Align(DateTimeOffset origin, DateTimeOffset atLeast, TimeSpan step) =>
        atLeast <= origin ? origin : origin + (step * Math.Ceiling((atLeast - origin) / step));

    private static DateTimeOffset CeilingToUnit(DateTimeOffset instant)
    {
        var unit = UnitMath.Unit.Ticks;
        return new DateTimeOffset((instant.UtcTicks + unit - 1) / unit * unit, TimeSpan.Zero);
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
