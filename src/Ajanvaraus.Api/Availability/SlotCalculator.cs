namespace Ajanvaraus.Api.Availability;

// A stretch of an expert's published time, as search reads it from AvailabilityWindows.
internal sealed record SlotWindow(
    Guid ExpertId, string? ServicePointId, DateTimeOffset StartsAt, DateTimeOffset EndsAt,
    bool AllowsInPerson, bool AllowsRemoteAtPoint, bool AllowsVideo, bool AllowsPhone)
{
    public ChannelFlags Channels => new(AllowsInPerson, AllowsRemoteAtPoint, AllowsVideo, AllowsPhone);
}

// A point where remote_at_point slots may be offered: its opening hours, closures (local days) and video rooms.
internal sealed record RoomPoint(
    string ServicePointId, string TimeZone, IReadOnlyList<OpeningHours> OpeningHours, IReadOnlyList<Guid> VideoRoomIds,
    IReadOnlyList<DayRange>? Closures = null);

internal sealed record OpeningHours(int Weekday, TimeOnly Opens, TimeOnly Closes);

// One bookable start: who, where, how.
internal sealed record Slot(DateTimeOffset Start, DateTimeOffset End, Channel Channel, Guid ExpertId, string? ServicePointId,
    Guid? VideoRoomId);

// What search asks: the service's shape and the caller's constraints.
internal sealed record SlotQuery(
    int DurationMinutes,
    IReadOnlyList<Channel> Channels,
    DateTimeOffset NotBefore,
    DateTimeOffset NotAfter,
    IReadOnlySet<string> InPersonPoints,
    IReadOnlyList<RoomPoint> RemotePoints);

// Slots = windows minus booked units minus notice, on the service's step (DESIGN.md "Slot"). Pure: the caller loads
// windows and taken units for exactly the experts, rooms and days asked, so the cost follows the query, not the size of
// the database.
internal static class SlotCalculator
{
    // Starts are offered every 15 minutes for durations of whole quarters, else every 5.
    public static int StepMinutes(int durationMinutes) => durationMinutes % 15 == 0 ? 15 : UnitMath.UnitMinutes;

    public static List<Slot> Calculate(SlotQuery query, IEnumerable<SlotWindow> windows, IReadOnlySet<(Guid Resource,
        DateTimeOffset Unit)> taken)
    {
        var duration = TimeSpan.FromMinutes(query.DurationMinutes);
        var step = TimeSpan.FromMinutes(StepMinutes(query.DurationMinutes));
        var slots = new HashSet<Slot>();
        foreach (var window in WindowJoin.Join(windows))
        {
            // Windows cut by an absence may start off the unit grid; slots never do.
            var origin = CeilingToUnit(window.StartsAt);
            var first = Max(origin, CeilingToUnit(query.NotBefore));
            for (var start = AlignToStep(origin, first, step); start + duration <= window.EndsAt && start <= query.NotAfter; start += step)
            {
                var end = start + duration;
                if (!IsFree(taken, window.ExpertId, start, end))
                {
                    continue;
                }

                foreach (var channel in query.Channels.Where(window.Channels.Allows))
                {
                    AddSlots(slots, query, window, channel, start, end, taken);
                }
            }
        }

        return slots.OrderBy(s => s.Start).ThenBy(s => s.ExpertId).ThenBy(s => s.Channel).ThenBy(s => s.ServicePointId,
            StringComparer.Ordinal).ToList();
    }

    private static void AddSlots(HashSet<Slot> slots, SlotQuery query, SlotWindow window, Channel channel, DateTimeOffset start,
        DateTimeOffset end, IReadOnlySet<(Guid, DateTimeOffset)> taken)
    {
        switch (channel)
        {
            case Channel.InPerson when window.ServicePointId is not null && query.InPersonPoints.Contains(window.ServicePointId):
                slots.Add(new Slot(start, end, channel, window.ExpertId, window.ServicePointId, null));
                break;
            case Channel.RemoteAtPoint:
                foreach (var point in query.RemotePoints)
                {
                    if (IsOpen(point, start, end) && point.VideoRoomIds.FirstOrDefault(room => IsFree(taken, room, start,
                        end)) is var room && room != Guid.Empty)
                    {
                        slots.Add(new Slot(start, end, channel, window.ExpertId, point.ServicePointId, room));
                    }
                }

                break;
            case Channel.Video or Channel.Phone:
                slots.Add(new Slot(start, end, channel, window.ExpertId, null, null));
                break;
        }
    }

    public static bool IsFree(IReadOnlySet<(Guid Resource, DateTimeOffset Unit)> taken, Guid resource, DateTimeOffset start,
        DateTimeOffset end)
    {
        foreach (var unit in UnitMath.Units(start, end))
        {
            if (taken.Contains((resource, unit)))
            {
                return false;
            }
        }

        return true;
    }

    // Video rooms are available in the point's opening hours (local time; a slot must fit one day's hours), and
    // not on its closed days: a closure closes the point for every channel that needs it.
    public static bool IsOpen(RoomPoint point, DateTimeOffset start, DateTimeOffset end)
    {
        var localStart = LocalTime.InZone(start, point.TimeZone);
        var localEnd = LocalTime.InZone(end, point.TimeZone);
        if (localStart.Date != localEnd.Date && localEnd.TimeOfDay != TimeSpan.Zero)
        {
            return false;
        }

        var day = DateOnly.FromDateTime(localStart.DateTime);
        if (point.Closures is { } closures && closures.Any(c => c.Contains(day)))
        {
            return false;
        }

        var weekday = localStart.DayOfWeek == DayOfWeek.Sunday ? 7 : (int)localStart.DayOfWeek;
        var from = TimeOnly.FromTimeSpan(localStart.TimeOfDay);
        var to = localEnd.TimeOfDay == TimeSpan.Zero && localEnd.Date > localStart.Date ? TimeOnly.MaxValue : TimeOnly.FromTimeSpan(localEnd.TimeOfDay);
        return point.OpeningHours.Any(h => h.Weekday == weekday && h.Opens <= from && to <= h.Closes);
    }

    private static DateTimeOffset AlignToStep(DateTimeOffset origin, DateTimeOffset atLeast, TimeSpan step)
    {
        if (atLeast <= origin)
        {
            return origin;
        }

        var steps = Math.Ceiling((atLeast - origin) / step);
        return origin + (step * steps);
    }

    private static DateTimeOffset CeilingToUnit(DateTimeOffset instant)
    {
        var unit = TimeSpan.FromMinutes(UnitMath.UnitMinutes).Ticks;
        var ticks = instant.UtcTicks;
        var rounded = (ticks + unit - 1) / unit * unit;
        return new DateTimeOffset(rounded, TimeSpan.Zero);
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
