using Ajanvaraus.Api.Data;
using Ajanvaraus.Api.Services;

namespace Ajanvaraus.Api.Availability;

// A time asked of one service, resolved against the catalogue before any write: the place (with its rooms, hours and
// closures for remote_at_point), the zone it is shown in, and when notice and horizon are judged (now, or for a live
// hold the moment it was taken).
internal sealed record TimeAsk(ServiceRow Service, DateTimeOffset Start, Channel Channel, SlotPoint? Point, RoomPoint? Rooms,
    DateTimeOffset DecidedAt, bool BindNotice)
{
    public DateTimeOffset End => Start.AddMinutes(Service.DurationMinutes);

    public string Zone => Point?.TimeZone ?? LocalTime.Helsinki;
}

// "May this expert be booked at exactly this time": the rules that need no windows (channel, place, notice, horizon),
// then the expert's windows as the database has them, read inside the write that takes the time — so the judge is the
// same transaction that inserts the units (search answers from the index; the units' unique key judges the units).
internal static class SlotFinder
{
    // Why the time cannot be booked by anyone, before windows are looked at; null when it may be.
    public static NotBookable? Rules(ServiceRow service, DateTimeOffset start, Channel channel, string? servicePointId, bool pointServed,
        DateTimeOffset decidedAt, bool bindNotice)
    {
        var atPoint = channel is Channel.InPerson or Channel.RemoteAtPoint;
        return !service.Channels.Allows(channel) ? NotBookable.ChannelNotOffered
            : atPoint != (servicePointId is not null) ? atPoint ? NotBookable.PointMissing : NotBookable.PointNotWanted
            : atPoint && !pointServed ? NotBookable.PointNotServed
            : start < decidedAt ? NotBookable.InThePast
            : bindNotice && start < decidedAt.AddMinutes(service.MinimumNoticeMinutes) ? NotBookable.WithinNotice
            : start > decidedAt.AddDays(service.BookingHorizonDays) ? NotBookable.BeyondHorizon
            : null;
    }

    // The slot of this expert at exactly the asked start, judged on the windows the database has now (inside the write).
    public static async Task<SlotMatch> JudgeAsync(WriteScope scope, TimeAsk ask, Guid expertId, IReadOnlyList<Guid> rooms)
    {
        var windows = await scope.QueryAsync<NamedSlotWindow>(SlotStore.ExpertWindowsSql, new
        {
            ServiceId = ask.Service.Id, ExpertId = expertId, WindowsFrom = ask.Start - SlotStore.LongestWindow, To = ask.End,
        });
        return Judge(ask, expertId, windows.Select(w => w.Window), rooms);
    }

    // The same judgement on windows from anywhere (the index, when no write is made).
    public static SlotMatch Judge(TimeAsk ask, Guid expertId, IEnumerable<SlotWindow> windows, IReadOnlyList<Guid> rooms)
    {
        var points = ask.Point is { } point ? new HashSet<string> { point.Id } : [];
        var roomPoints = ask.Channel == Channel.RemoteAtPoint && ask.Rooms is { } r ? [r] : new List<RoomPoint>();
        var query = new SlotQuery(ask.Service.DurationMinutes, [ask.Channel], ask.Start, ask.Start, points, roomPoints);
        var own = windows.Where(w => w.ExpertId == expertId).ToList();
        var slot = SlotCalculator.Calculate(query, own, new HashSet<(Guid, DateTimeOffset)>())
            .FirstOrDefault(s => s.Start == ask.Start && s.ExpertId == expertId && s.ServicePointId == ask.Point?.Id);
        if (slot is null)
        {
            return SlotMatch.No(Outside(ask, own));
        }

        return new SlotMatch(new BookableSlot(ask.Service, slot, ask.Channel == Channel.RemoteAtPoint ? rooms : [], ask.Zone), null);
    }

    // Inside the expert's time but between two offered starts: say so, the portal may have rounded.
    public static NotBookable Outside(TimeAsk ask, IEnumerable<SlotWindow> windows)
    {
        var step = TimeSpan.FromMinutes(SlotCalculator.StepMinutes(ask.Service.DurationMinutes));
        var inside = windows.Any(w => w.StartsAt <= ask.Start && ask.End <= w.EndsAt && (ask.Start - w.StartsAt).Ticks % step.Ticks != 0);
        return inside ? NotBookable.NotOnStep : NotBookable.OutsideWindows;
    }
}
