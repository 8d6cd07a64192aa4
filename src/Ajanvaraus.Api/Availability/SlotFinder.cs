using Ajanvaraus.Api.Services;
using Ajanvaraus.Api.ServicePoints;

namespace Ajanvaraus.Api.Availability;

// Bookable slots found for a search, with what is needed to present them.
internal sealed record SlotResult(IReadOnlyList<Slot> Slots, IReadOnlyDictionary<Guid, string> ExpertNames, IReadOnlyDictionary<string,
    SlotPoint> Points)
{
    public DateTimeOffset Local(DateTimeOffset instant, string? servicePointId) =>
        LocalTime.InZone(instant, servicePointId is not null && Points.TryGetValue(servicePointId,
            out var point) ? point.TimeZone : LocalTime.Helsinki);
}

// Loads exactly the windows, rooms and taken units a question needs and lets SlotCalculator answer it: search lists
// slots; booking and rescheduling check that the asked slot is one of them.
internal sealed class SlotFinder(SlotStore store, ServicePointStore points, ClosureStore closureStore, TimeProvider clock)
{
    // The slots a page needs: those wanted accepts, in start order, until enough of them are certain to be the first
    // (or the range ends). Windows are read for the whole range, but taken units are read and slots computed for the
    // earliest windows first, in growing batches: a week or a month of a nationwide service costs about what its first
    // page costs.
    public async Task<SlotResult> SearchAsync(
        ServiceRow service, IReadOnlyList<Channel> channels, string? servicePointId, string? municipality, string? language,
        DateTimeOffset from, DateTimeOffset to, Func<Slot, bool> wanted, int enough, CancellationToken ct, bool bindNotice = true)
    {
        var now = clock.GetUtcNow();
        var (notBefore, notAfter) = Bounds(service, now, from, to, bindNotice);
        var wantedChannels = ChannelFlags.Of(channels);
        var points = wantedChannels.AllowsInPerson || wantedChannels.AllowsRemoteAtPoint
            ? await store.PointsAsync(service.ProviderId, servicePointId, municipality, ct)
            : [];

        var windows = new List<NamedSlotWindow>();
        if (wantedChannels.AllowsInPerson && points.Count > 0)
        {
            windows.AddRange(await store.PointWindowsAsync(service, points.Select(p => p.Id), language, notBefore, notAfter, ct));
        }

        var remote = wantedChannels with { AllowsInPerson = false,
            AllowsRemoteAtPoint = wantedChannels.AllowsRemoteAtPoint && points.Count > 0 };
        if (!remote.IsEmpty)
        {
            windows.AddRange(await store.RemoteWindowsAsync(service, null, remote, language, notBefore, notAfter, ct));
        }

        var roomPoints = new List<RoomPoint>();
        if (remote.AllowsRemoteAtPoint)
        {
            foreach (var point in points)
            {
                roomPoints.Add(await RoomPointAsync(point, ct));
            }
        }

        // Joined before batching, so a stretch that crosses from one window into the next is never split by a batch.
        var query = new SlotQuery(service.DurationMinutes, channels, notBefore, notAfter, points.Select(p => p.Id).ToHashSet(), roomPoints);
        var joined = WindowJoin.Join(windows.Select(w => w.Window));
        var slots = await SlotsInBatchesAsync(query, joined, roomPoints.SelectMany(p => p.VideoRoomIds).ToList(), wanted, enough, now, ct);
        return new SlotResult(
            slots,
            windows.DistinctBy(w => w.ExpertId).ToDictionary(w => w.ExpertId, w => w.DisplayName),
            points.ToDictionary(p => p.Id));
    }

    // Windows in start order, a batch at a time: after a batch, every slot before the next window's start is known
    // (a later window has no slot before its own start), so once enough wanted slots lie before it, the rest can wait.
    private async Task<List<Slot>> SlotsInBatchesAsync(
        SlotQuery query, List<SlotWindow> windows, List<Guid> rooms, Func<Slot, bool> wanted, int enough, DateTimeOffset now,
        CancellationToken ct)
    {
        var found = new HashSet<Slot>();
        var budget = 2 * enough;
        for (var first = 0; first < windows.Count;)
        {
            var last = first;
            for (var candidates = 0; last < windows.Count && (last == first || candidates < budget); last++)
            {
                candidates += Candidates(query, windows[last]);
            }

            var batch = windows.GetRange(first, last - first);
            var unitsTo = batch.Max(w => w.EndsAt) < query.NotAfter.AddMinutes(query.DurationMinutes) ? batch.Max(w => w.EndsAt) : query.NotAfter.AddMinutes(query.DurationMinutes);
            var resources = batch.Select(w => w.ExpertId).Concat(rooms).ToHashSet();
            var taken = await store.TakenUnitsAsync(resources, Max(query.NotBefore, batch[0].StartsAt), unitsTo, now, ct);
            found.UnionWith(SlotCalculator.Calculate(query, batch, taken).Where(wanted));

            first = last;
            var settledBefore = first < windows.Count ? windows[first].StartsAt : DateTimeOffset.MaxValue;
            if (found.Count(s => s.Start < settledBefore) >= enough)
            {
                return found.Where(s => s.Start < settledBefore).ToList();
            }

            budget *= 2;
        }

        return found.ToList();
    }

    // At most how many slots a window can give: its starts on the step times the channels asked.
    private static int Candidates(SlotQuery query, SlotWindow window)
    {
        var start = Max(window.StartsAt, query.NotBefore);
        var end = window.EndsAt < query.NotAfter.AddMinutes(query.DurationMinutes) ? window.EndsAt : query.NotAfter.AddMinutes(query.DurationMinutes);
        var starts = (int)Math.Max(0,
            ((end - start).TotalMinutes - query.DurationMinutes) / SlotCalculator.StepMinutes(query.DurationMinutes)) + 1;
        return starts * Math.Max(1, query.Channels.Count(window.Channels.Allows));
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    // The slot at exactly this start if the expert publishes it for this service, channel and place, within notice and
    // horizon; otherwise why not. Whether its units are free is the database's to say, at insert. `decidedAt` is when
    // notice and horizon are judged: now, or for a live hold the moment it was made (a hold confirmed a few minutes
    // later is not refused for notice it had when it was taken). Staff booking for a walk-in are not bound by notice.
    public async Task<SlotMatch> FindAsync(
        ServiceRow service, Guid expertId, DateTimeOffset start, Channel channel, string? servicePointId, CancellationToken ct,
        DateTimeOffset? decidedAt = null, bool bindNotice = true)
    {
        var now = decidedAt ?? clock.GetUtcNow();
        var end = start.AddMinutes(service.DurationMinutes);
        var atPoint = channel is Channel.InPerson or Channel.RemoteAtPoint;
        if (!service.Channels.Allows(channel))
        {
            return SlotMatch.No(NotBookable.ChannelNotOffered);
        }

        if (atPoint != (servicePointId is not null))
        {
            return SlotMatch.No(atPoint ? NotBookable.PointMissing : NotBookable.PointNotWanted);
        }

        if (start < now)
        {
            return SlotMatch.No(NotBookable.InThePast);
        }

        if (bindNotice && start < now.AddMinutes(service.MinimumNoticeMinutes))
        {
            return SlotMatch.No(NotBookable.WithinNotice);
        }

        if (start > now.AddDays(service.BookingHorizonDays))
        {
            return SlotMatch.No(NotBookable.BeyondHorizon);
        }

        var points = atPoint ? await store.PointsAsync(service.ProviderId, servicePointId, null, ct) : [];
        if (atPoint && points.Count == 0)
        {
            return SlotMatch.No(NotBookable.PointNotServed);
        }

        var windows = await store.ExpertWindowsAsync(service.Id, expertId, start, end, ct);
        var roomPoints = channel == Channel.RemoteAtPoint ? [await RoomPointAsync(points[0], ct)] : new List<RoomPoint>();
        var query = new SlotQuery(service.DurationMinutes, [channel], start, start, points.Select(p => p.Id).ToHashSet(), roomPoints);
        var slot = SlotCalculator.Calculate(query, windows.Select(w => w.Window), new HashSet<(Guid, DateTimeOffset)>())
            .FirstOrDefault(s => s.Start == start && s.ExpertId == expertId && s.ServicePointId == servicePointId);
        if (slot is null)
        {
            // Inside the expert's time but between two offered starts: say so, the portal may have rounded.
            var step = TimeSpan.FromMinutes(SlotCalculator.StepMinutes(service.DurationMinutes));
            var inside = windows.Any(w => w.StartsAt <= start && end <= w.EndsAt && (start - w.StartsAt).Ticks % step.Ticks != 0);
            return SlotMatch.No(inside ? NotBookable.NotOnStep : NotBookable.OutsideWindows);
        }

        var zone = points.Count > 0 ? points[0].TimeZone : LocalTime.Helsinki;
        return new SlotMatch(new BookableSlot(service, slot, roomPoints.SelectMany(p => p.VideoRoomIds).ToList(), zone), null);
    }

    // The zone a time at this point is shown in; Finnish time for remote bookings.
    public async Task<string> ZoneAsync(string? servicePointId, CancellationToken ct) =>
        servicePointId is not null && await points.FindAsync(servicePointId, ct) is { } point
            ? point.TimeZone
            : LocalTime.Helsinki;

    // Search and booking both see the point through this: its hours, rooms and closed days (from yesterday on, which
    // covers every local day a bookable time can fall on).
    private async Task<RoomPoint> RoomPointAsync(SlotPoint point, CancellationToken ct)
    {
        var hours = await points.OpeningHoursAsync(point.Id, ct);
        var rooms = await points.ActiveVideoRoomIdsAsync(point.Id, ct);
        var closures = await closureStore.ListAsync(point.Id, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).AddDays(-1), null, ct);
        return new RoomPoint(
            point.Id,
            point.TimeZone,
            hours.Select(h => new OpeningHours(h.Weekday, h.Opens, h.Closes)).ToList(),
            rooms,
            closures.Select(c => new DayRange(c.FirstDay, c.LastDay)).ToList());
    }

    // Earliest start: now plus the service's notice; latest start: the end of the asked range and of the horizon.
    // Staff serving a walk-in are not bound by the notice: the earliest start is then now.
    private static (DateTimeOffset NotBefore, DateTimeOffset NotAfter) Bounds(
        ServiceRow service, DateTimeOffset now, DateTimeOffset from, DateTimeOffset to, bool bindNotice)
    {
        var earliest = bindNotice ? now.AddMinutes(service.MinimumNoticeMinutes) : now;
        var latest = now.AddDays(service.BookingHorizonDays);
        return (from > earliest ? from : earliest, to < latest ? to : latest);
    }
}
