namespace Ajanvaraus.Api.Availability;

// Adjacent and overlapping windows of one expert, place and channel are one stretch of time: a slot may cross the
// boundary between two rules (09-10 and 10-11 offer 09:30-10:15). Joined per channel, since two rules may carry
// different channel sets; stretches with the same span are put back together, so one rule still gives one window.
internal static class WindowJoin
{
    public static List<SlotWindow> Join(IEnumerable<SlotWindow> windows)
    {
        var stretches = new List<(Guid ExpertId, string? ServicePointId, DateTimeOffset Start, DateTimeOffset End, Channel Channel)>();
        var perChannel = windows
            .SelectMany(w => w.Channels.ToList().Select(channel => (Window: w, Channel: channel)))
            .GroupBy(x => (x.Window.ExpertId, x.Window.ServicePointId, x.Channel));
        foreach (var group in perChannel)
        {
            var (expertId, pointId, channel) = group.Key;
            DateTimeOffset? start = null;
            var end = DateTimeOffset.MinValue;
            foreach (var (window, _) in group.OrderBy(x => x.Window.StartsAt))
            {
                if (start is not null && window.StartsAt <= end)
                {
                    end = window.EndsAt > end ? window.EndsAt : end;
                    continue;
                }

                if (start is { } done)
                {
                    stretches.Add((expertId, pointId, done, end, channel));
                }

                (start, end) = (window.StartsAt, window.EndsAt);
            }

            if (start is { } last)
            {
                stretches.Add((expertId, pointId, last, end, channel));
            }
        }

        return stretches
            .GroupBy(s => (s.ExpertId, s.ServicePointId, s.Start, s.End))
            .Select(g =>
            {
                var flags = ChannelFlags.Of(g.Select(s => s.Channel));
                return new SlotWindow(g.Key.ExpertId, g.Key.ServicePointId, g.Key.Start, g.Key.End,
                    flags.AllowsInPerson, flags.AllowsRemoteAtPoint, flags.AllowsVideo, flags.AllowsPhone);
            })
            .OrderBy(w => w.StartsAt)
            .ThenBy(w => w.ExpertId)
            .ToList();
    }
}
