using Ajanvaraus.Api.Availability;
using Ajanvaraus.Api.Services;

namespace Ajanvaraus.Api.Bookings;

// The time a request asks for, before anything is checked. Staff (a walk-in at the desk) are not bound by the notice.
internal sealed record SlotAsk(Guid? ServiceId, Guid? ExpertId, DateTimeOffset? Start, Channel? Channel, string? ServicePointId,
    bool BindNotice = true);

// What a booking body resolves to: the slot to take (and the hold it confirms), or the errors to answer. Without an
// expertId, Others are the free experts to try next when the first one's insert loses; no slot and no errors means
// every expert free a moment ago is taken now (409). WrongHoldToken: a hold token was given and matched no hold (it
// counts towards the address's wrong-token lock).
internal sealed record BookingTarget(BookableSlot? Bookable, HoldRow? Hold, Dictionary<string, string[]> Errors,
    SlotAsk? Ask = null, IReadOnlyList<Guid>? Others = null, bool WrongHoldToken = false);

// The one check of an asked time, shared by holds, bookings and reschedules: the fields' shape, the service, then
// SlotFinder for the window, notice and horizon. Every error names its field.
internal sealed class SlotChecks(ServiceStore services, SlotFinder finder, HoldStore holds, ExpertChoice choice, TimeProvider clock)
{
    // No expertId: the slot of the first free expert (fewest bookings that day), with the others to try after it. A
    // move also tries the booking's own expert last (the index counts the booking's own units as taken).
    public async Task<BookingTarget> AnyExpertAsync(SlotAsk ask, CancellationToken ct, Guid? alsoTry = null)
    {
        var errors = ShapeErrors(ask);
        var service = ask.ServiceId is { } id && await services.FindAsync(id, ct) is { IsActive: true } active ? active : null;
        if (ask.ServiceId is not null && service is null)
        {
            errors["serviceId"] = ["No bookable service has this id."];
        }

        // Before the index: an expert may publish the channel for another service, which would read as a taken time.
        if (service is not null && ask.Channel is { } channel && !service.Channels.Allows(channel))
        {
            errors["channel"] = [SlotMatch.No(NotBookable.ChannelNotOffered).Problem(service).Message];
        }

        if (errors.Count > 0)
        {
            return new BookingTarget(null, null, errors);
        }

        var (free, published) = await choice.ExpertsAsync(service!, ask.Start!.Value, ask.Channel!.Value, ask.ServicePointId,
            ask.BindNotice, ct);
        if (alsoTry is { } own && published && !free.Contains(own))
        {
            free = [.. free, own];
        }

        if (free.Count > 0)
        {
            return await NextAsync(ask, free, ct);
        }

        // Nobody is free: taken (409) when someone publishes the time, else why it cannot be booked, as for a named expert.
        var why = published ? [] : (await CheckAsync(ask with { ExpertId = Guid.Empty }, null, ct)).Errors;
        return new BookingTarget(null, null, why, ask, []);
    }

    // The slot of the first of these experts whose windows (in the database, the judge) hold the time, and the rest.
    public async Task<BookingTarget> NextAsync(SlotAsk ask, IReadOnlyList<Guid> experts, CancellationToken ct)
    {
        for (var i = 0; i < experts.Count; i++)
        {
            var (slot, _) = await CheckAsync(ask with { ExpertId = experts[i] }, null, ct);
            if (slot is not null)
            {
                return new BookingTarget(slot, null, [], ask, experts.Skip(i + 1).ToList());
            }
        }

        return new BookingTarget(null, null, [], ask, []);
    }

    public async Task<(BookableSlot? Bookable, Dictionary<string, string[]> Errors)> CheckAsync(
        SlotAsk ask, DateTimeOffset? decidedAt, CancellationToken ct)
    {
        // Only ever asked with an expert: without one, AnyExpertAsync chooses them.
        ArgumentNullException.ThrowIfNull(ask.ExpertId);
        var errors = ShapeErrors(ask);

        var service = ask.ServiceId is { } id && await services.FindAsync(id, ct) is { IsActive: true } active ? active : null;
        if (ask.ServiceId is not null && service is null)
        {
            errors["serviceId"] = ["No bookable service has this id."];
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var match = await finder.FindAsync(service!, ask.ExpertId!.Value, ask.Start!.Value, ask.Channel!.Value, ask.ServicePointId, ct,
            decidedAt, ask.BindNotice);
        if (match.Found is not { } found)
        {
            var (field, message) = match.Problem(service!);
            errors[field] = [message];
            return (null, errors);
        }

        return (found with { Rooms = await choice.RoomsFreeFirstAsync(found.Rooms, found.Slot.Start, found.Slot.End, ct) }, errors);
    }

    // A booking body is either a time or a hold to confirm. A live hold is judged by the notice it had when taken.
    public async Task<BookingTarget> ResolveAsync(CreateBookingRequest body, bool bindNotice, CancellationToken ct)
    {
        if (body.HoldId is null)
        {
            var ask = new SlotAsk(body.ServiceId, body.ExpertId, body.Start, body.Channel, body.ServicePointId, bindNotice);
            var target = body.ExpertId is null ? await AnyExpertAsync(ask, ct) : await OneExpertAsync(ask, ct);
            if (body.HoldToken is not null)
            {
                target.Errors["holdToken"] = ["Give holdId with holdToken."];
            }

            return target.Errors.Count == 0 ? target : target with { Bookable = null };
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
            return new BookingTarget(null, null, fixedByHold, WrongHoldToken: wrongToken && !string.IsNullOrEmpty(body.HoldToken));
        }

        var held = new SlotAsk(hold!.ServiceId, hold.ExpertId, hold.StartsAt, ChannelFlags.Parse(hold.Channel), hold.ServicePointId,
            bindNotice);
        var (bookable, problems) = await CheckAsync(held, hold.ExpiresAt > clock.GetUtcNow() ? hold.CreatedAt : null, ct);
        var heldRoomFirst = bookable is not null && hold.VideoRoomId is { } room
            ? bookable with { Rooms = [room, .. bookable.Rooms.Where(r => r != room)] }
            : bookable;
        return new BookingTarget(heldRoomFirst, hold, problems);
    }

    public async Task<BookingTarget> OneExpertAsync(SlotAsk ask, CancellationToken ct)
    {
        var (slot, errors) = await CheckAsync(ask, null, ct);
        return new BookingTarget(slot, null, errors, ask, []);
    }

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
