using Ajanvaraus.Api.Services;
using Ajanvaraus.Api.ServicePoints;

namespace Ajanvaraus.Api.Availability;

// The database's answer to "may this expert be booked at exactly this time": booking, holds and rescheduling check the
// asked slot against the expert's windows here (search answers from the in-memory index; the units' unique key judges).
internal sealed class SlotFinder(SlotStore store, ServicePointStore points, ClosureStore closureStore, TimeProvider clock)
{
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

        var points = atPoint ? await store.PointsAsync(service.ProviderId, servicePointId, ct) : [];
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
}
