using Ajanvaraus.Api.Availability;
using Ajanvaraus.Api.Notifications;
using Ajanvaraus.Api.Search;
using Microsoft.Extensions.Options;

namespace Ajanvaraus.Api.Bookings;

// The one way a time is taken, for a new booking and a move alike: resolve the asked time from the catalogue and the
// index (no read), then one write per expert tried — the first normally — that judges the expert's windows, takes the
// units and records everything; the answer is built from what was written and the catalogue's names.
internal sealed class BookingFlow(SlotChecks slots, BookingStore store, HoldStore holds, AvailabilityIndex index, Outbox outbox,
    IOptions<BookingOptions> options)
{
    // The experts this instance is writing for at a start right now: concurrent "any expert" requests for one time try
    // the others first, so a herd spreads at once instead of losing inserts to each other. Only an order: the unique key
    // on units still judges, and another instance's writes are not seen here.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(Guid Expert, DateTimeOffset Start), byte> writing = new();

    private long attempts;

    // Writes tried for times (bookings, moves, holds), counted so a herd's retries can be measured.
    public long Attempts => Interlocked.Read(ref attempts);

    public async Task<FlowOutcome> BookAsync(CreateBookingRequest body, Actor actor, IdempotentRequest key, CancellationToken ct)
    {
        var target = await slots.ResolveAsync(body, bindNotice: !actor.IsStaff, key.KeyHash, ct);
        if (target.WrongHoldToken)
        {
            return new FlowOutcome(FlowResult.WrongHoldToken, Errors: target.Errors);
        }

        var channel = target.Time?.Channel ?? body.Channel ?? Channel.InPerson;
        var customerErrors = ContactValidation.CustomerErrors(body.Customer, channel, requireContact: !actor.IsStaff, out var phone);
        var errors = new Dictionary<string, string[]>(target.Errors.Concat(customerErrors.Where(e => !target.Errors.ContainsKey(e.Key))));
        if (errors.Count > 0)
        {
            return FlowOutcome.Invalid(errors);
        }

        if (BookingAccess.StaffRefusal(actor, target.Time!) is { } refusal)
        {
            return new FlowOutcome(FlowResult.Forbidden, Detail: refusal);
        }

        var token = ManageToken.Create();
        var sealedToken = outbox.Seal(token);
        var id = store.NewId();
        BookingRow Build(BookableSlot bookable, DateTimeOffset now) =>
            BookingRow.New(id, bookable, body.Customer, phone, body.Notes, actor, ManageToken.Hash(token), options.Value, now);
        foreach (var (expert, release) in InTurn(target))
        {
            var write = await store.CreateAsync(target, expert, Build, actor, key, token, sealedToken, ct);
            release();
            switch (write.Outcome)
            {
                case WriteOutcome.Done:
                    return new FlowOutcome(FlowResult.Done, await ViewAsync(write.Row!, ct), token);
                case WriteOutcome.KeyUsed:
                    return await ReplayAsync(key, ct);
                case WriteOutcome.NotBookable when body.ExpertId is not null || target.Hold is not null:
                    return FlowOutcome.Invalid(SlotChecks.Problem(target.Time!.Service, write.Reason!.Value));
                case WriteOutcome.Taken when target.Hold is not null:
                    return new FlowOutcome(FlowResult.Taken);
            }
        }

        return new FlowOutcome(FlowResult.Taken);
    }

    // A move to the asked time (any free expert, the booking's own tried last), as the caller saw the booking.
    public async Task<FlowOutcome> MoveAsync(BookingRow row, Actor actor, RescheduleBookingRequest body, CancellationToken ct)
    {
        var channel = body.Channel ?? row.ChannelValue;
        var pointId = channel is Channel.InPerson or Channel.RemoteAtPoint ? body.ServicePointId ?? row.ServicePointId : null;
        var ask = new SlotAsk(row.ServiceId, body.ExpertId, body.Start, channel, pointId, BindNotice: !actor.IsStaff);
        var target = await slots.ResolveAsync(ask, row.Id.ToString("N"), ct, alsoTry: row.ExpertId);
        if (target.Errors.Count > 0)
        {
            return FlowOutcome.Invalid(target.Errors);
        }

        if (BookingAccess.StaffRefusal(actor, target.Time!) is { } refusal)
        {
            return new FlowOutcome(FlowResult.Forbidden, Detail: refusal);
        }

        foreach (var (expert, release) in InTurn(target))
        {
            var change = await store.MoveAsync(row, target, expert, slot => Moved(row, slot), actor, body.Reason, ct);
            release();
            switch (change.Outcome)
            {
                case WriteOutcome.Done:
                    return new FlowOutcome(FlowResult.Done, await ViewAsync(change.Row!, ct));
                case WriteOutcome.ChangedMeanwhile:
                    return new FlowOutcome(FlowResult.ChangedMeanwhile, Row: change.Row);
                case WriteOutcome.NotConfirmed:
                    return new FlowOutcome(FlowResult.NotConfirmed, Row: change.Row);
                case WriteOutcome.NotBookable when body.ExpertId is not null:
                    return FlowOutcome.Invalid(SlotChecks.Problem(target.Time!.Service, change.Reason!.Value));
            }
        }

        return new FlowOutcome(FlowResult.Taken);
    }

    // A hold of the asked time for the hold's token: the held row, or why not (Invalid, Taken). `caps` refuses a caller
    // over their live holds (after the time's own checks, so a bad request is told what is wrong first).
    public async Task<(HoldRow? Hold, TimeAsk? Time, FlowOutcome Outcome)> HoldAsync(SlotAsk ask, string tokenHash, string? clientId,
        string? clientAddress, Func<TimeAsk, Task<bool>> withinCaps, CancellationToken ct)
    {
        var target = await slots.ResolveAsync(ask, tokenHash, ct);
        if (target.Errors.Count > 0)
        {
            return (null, null, FlowOutcome.Invalid(target.Errors));
        }

        if (!await withinCaps(target.Time!))
        {
            return (null, target.Time, new FlowOutcome(FlowResult.OverCap));
        }

        foreach (var (expert, release) in InTurn(target))
        {
            var (held, outcome, why) = await holds.CreateAsync(target, expert, tokenHash, clientId, clientAddress, ct);
            release();
            if (held is not null)
            {
                return (held, target.Time, new FlowOutcome(FlowResult.Done));
            }

            if (outcome == WriteOutcome.NotBookable && ask.ExpertId is not null)
            {
                return (null, target.Time, FlowOutcome.Invalid(SlotChecks.Problem(target.Time!.Service, why!.Value)));
            }
        }

        return (null, target.Time, new FlowOutcome(FlowResult.Taken));
    }

    // The experts in the order to try, those another request of this instance is not writing for at the time first;
    // each comes with the release of its mark, called once its write has ended.
    private IEnumerable<(Guid Expert, Action Release)> InTurn(BookingTarget target)
    {
        var start = target.Time!.Start;
        var busy = new List<Guid>();
        foreach (var expert in target.Experts)
        {
            if (target.Experts.Count > 1 && !writing.TryAdd((expert, start), 0))
            {
                busy.Add(expert);
                continue;
            }

            Interlocked.Increment(ref attempts);
            yield return (expert, () => writing.TryRemove((expert, start), out _));
        }

        foreach (var expert in busy)
        {
            Interlocked.Increment(ref attempts);
            yield return (expert, () => { });
        }
    }

    // The booking as written, named from this instance's catalogue; read back only when the catalogue lacks a name (a
    // provider or point removed meanwhile).
    public async Task<BookingView> ViewAsync(BookingRow row, CancellationToken ct) =>
        BookingViews.FromCatalogue(row, (await index.StateAsync(ct)).Catalogue) ?? (await store.FindViewAsync(row.Id, ct))!;

    private async Task<FlowOutcome> ReplayAsync(IdempotentRequest key, CancellationToken ct)
    {
        // Another client presenting the key (guessed or leaked) learns nothing of the first request.
        // No row: the first request's write rolled back meanwhile; the caller may simply send it again.
        var replay = await store.ReplayAsync(key, ct);
        if (replay is { OtherClient: true })
        {
            return new FlowOutcome(FlowResult.OtherClient);
        }

        if (replay is { SameRequest: false })
        {
            return new FlowOutcome(FlowResult.KeyReused);
        }

        return replay?.BookingId is { } id && await store.FindViewAsync(id, ct) is { } view
            ? new FlowOutcome(FlowResult.Done, view, replay!.ManageToken)
            : new FlowOutcome(FlowResult.InProgress);
    }

    private BookingRow Moved(BookingRow row, Slot slot) => row with
    {
        ExpertId = slot.ExpertId,
        StartsAt = slot.Start,
        EndsAt = slot.End,
        Channel = ChannelFlags.Name(slot.Channel),
        ServicePointId = slot.ServicePointId,
        MeetingUrl = slot.Channel == Channel.Video ? row.MeetingUrl ?? options.Value.MeetingUrl(row.Id, row.Reference) : null,
    };
}
