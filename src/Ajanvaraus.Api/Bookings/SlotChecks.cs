using Ajanvaraus.Api.Availability;
using Ajanvaraus.Api.Search;

namespace Ajanvaraus.Api.Bookings;

// The time a request asks for, before anything is checked. Staff (a walk-in at the desk) are not bound by the notice.
internal sealed record SlotAsk(Guid? ServiceId, Guid? ExpertId, DateTimeOffset? Start, Channel? Channel, string? ServicePointId,
    bool BindNotice = true);

// What a request resolves to before its write: the time (service, place, zone), the experts to try in order and the
// video rooms (free ones first); or the errors to answer. No errors and no experts means every expert free a moment
// ago is taken now (409). Hold is the hold a booking confirms; WrongHoldToken: a hold token was given and matched no
// hold (it counts towards the address's wrong-token lock).
internal sealed record BookingTarget(TimeAsk? Time, IReadOnlyList<Guid> Experts, IReadOnlyList<Guid> Rooms, HoldRow? Hold,
    Dictionary<string, string[]> Errors, bool WrongHoldToken = false)
{
    public static BookingTarget Invalid(Dictionary<string, string[]> errors) => new(null, [], [], null, errors);
}

// The one check of an asked time before its write, shared by holds, bookings and reschedules: the fields' shape, then
// the service, the place, notice and horizon from this instance's catalogue, and the experts from its index — no read.
// The expert's windows are judged again inside the write (SlotFinder.JudgeAsync). Every error names its field.
internal sealed class SlotChecks(AvailabilityIndex index, HoldStore holds, TimeProvider clock)
{
    // `fairness` draws the order among equally loaded experts (the request's idempotency key); `alsoTry` is tried last
    // (a move's own expert: the index counts the booking's own units as taken).
    public async Task<BookingTarget> ResolveAsync(SlotAsk ask, string fairness, CancellationToken ct, Guid? alsoTry = null,
        DateTimeOffset? decidedAt = null, Guid? heldRoom = null)
    {
        var errors = ShapeErrors(ask);
        var state = await index.StateAsync(ct);
        var service = ask.ServiceId is { } id && state.Catalogue.Services.TryGetValue(id, out var active) ? active : null;
        if (ask.ServiceId is not null && service is null)
        {
            errors["serviceId"] = ["No bookable service has this id."];
        }

        if (errors.Count > 0)
        {
            return BookingTarget.Invalid(errors);
        }

        var now = clock.GetUtcNow();
        var point = ask.ServicePointId is { } pointId && state.Catalogue.Points.TryGetValue(pointId, out var p)
            && p.Providers.Contains(service!.ProviderId) ? p : null;
        var (start, channel) = (ask.Start!.Value, ask.Channel!.Value);
        if (SlotFinder.Rules(service!, start, channel, ask.ServicePointId, point is not null, decidedAt ?? now, ask.BindNotice) is { } why)
        {
            return BookingTarget.Invalid(Problem(service!, why));
        }

        var time = new TimeAsk(service!, start, channel, point?.Point, point?.Rooms, decidedAt ?? now, ask.BindNotice);
        var rooms = channel == Channel.RemoteAtPoint && point is not null
            ? Held(ExpertChoice.RoomsFreeFirst(state, point.Rooms.VideoRoomIds, start, time.End, now), heldRoom)
            : [];
        if (ask.ExpertId is { } named)
        {
            return new BookingTarget(time, [named], rooms, null, []);
        }

        var (free, published) = ExpertChoice.Experts(state, time, now, fairness);
        if (alsoTry is { } own && published && !free.Contains(own))
        {
            free = [.. free, own];
        }

        // Nobody offers the time at all: why, from the windows the index has (taken, 409, when someone does).
        return free.Count > 0 || published
            ? new BookingTarget(time, free, rooms, null, [])
            : BookingTarget.Invalid(Problem(service!, SlotFinder.Outside(time, ServiceWindows(state, service!))));
    }

    // A booking body is either a time or a hold to confirm. A live hold is judged by the notice it had when taken.
    public async Task<BookingTarget> ResolveAsync(CreateBookingRequest body, bool bindNotice, string fairness, CancellationToken ct)
    {
        if (body.HoldId is null)
        {
            var ask = new SlotAsk(body.ServiceId, body.ExpertId, body.Start, body.Channel, body.ServicePointId, bindNotice);
            var target = await ResolveAsync(ask, fairness, ct);
            if (body.HoldToken is not null)
            {
                target.Errors["holdToken"] = ["Give holdId with holdToken."];
            }

            return target.Errors.Count == 0 ? target : BookingTarget.Invalid(target.Errors);
        }

        var fixedByHold = HoldFormErrors(body);
        var hold = await holds.FindAsync(body.HoldId.Value, ct);
        var wrongToken = hold is null || !ManageToken.Matches(body.HoldToken, hold.TokenHash);
        if (wrongToken)
        {
            fixedByHold["holdId"] = ["No hold with this id and token."];
        }

        if (fixedByHold.Count > 0)
        {
            return BookingTarget.Invalid(fixedByHold) with { WrongHoldToken = wrongToken && !string.IsNullOrEmpty(body.HoldToken) };
        }

        var held = new SlotAsk(hold!.ServiceId, hold.ExpertId, hold.StartsAt, ChannelFlags.Parse(hold.Channel), hold.ServicePointId,
            bindNotice);
        var live = hold.ExpiresAt > clock.GetUtcNow();
        var resolved = await ResolveAsync(held, fairness, ct, decidedAt: live ? hold.CreatedAt : null, heldRoom: hold.VideoRoomId);
        return resolved with { Hold = hold };
    }

    internal static Dictionary<string, string[]> Problem(Services.ServiceRow service, NotBookable why)
    {
        var (field, message) = SlotMatch.No(why).Problem(service);
        return new Dictionary<string, string[]> { [field] = [message] };
    }

    private static IEnumerable<SlotWindow> ServiceWindows(IndexState state, Services.ServiceRow service) =>
        state.Catalogue.ExpertsByService.TryGetValue(service.Id, out var experts) ? experts.SelectMany(e => state.WindowsOf(e).Sorted) : [];

    private static IReadOnlyList<Guid> Held(IReadOnlyList<Guid> rooms, Guid? held) =>
        held is { } room && rooms.Contains(room) ? [room, .. rooms.Where(r => r != room)] : rooms;

    // Without an expert the request means "any expert"; every other field of a time is needed.
    private static Dictionary<string, string[]> ShapeErrors(SlotAsk ask)
    {
        var errors = new Dictionary<string, string[]>();
        foreach (var (field, missing) in new[]
        {
            ("serviceId", ask.ServiceId is null), ("start", ask.Start is null), ("channel", ask.Channel is null),
        })
        {
            if (missing)
            {
                errors[field] = ["Required (or give holdId and holdToken)."];
            }
        }

        if (ask.Start is { } start && !UnitMath.IsOnUnitBoundary(start))
        {
            errors["start"] = ["Times start on whole 5 minutes (e.g. 09:00, 09:05)."];
        }

        return errors;
    }

    // The hold fixes the time: a body that also names one would be ambiguous, so the hold form forbids them.
    private static Dictionary<string, string[]> HoldFormErrors(CreateBookingRequest body)
    {
        var errors = new Dictionary<string, string[]>();
        foreach (var (field, given) in new[]
        {
            ("serviceId", body.ServiceId is not null), ("expertId", body.ExpertId is not null), ("start", body.Start is not null),
            ("channel", body.Channel is not null), ("servicePointId", body.ServicePointId is not null),
        })
        {
            if (given)
            {
                errors[field] = ["Leave this out when confirming a hold: the hold fixes the time."];
            }
        }

        if (body.HoldToken is null)
        {
            errors["holdToken"] = ["Give the holdToken of the hold."];
        }

        return errors;
    }
}
