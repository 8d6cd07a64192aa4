using Ajanvaraus.Api.Availability;

namespace Ajanvaraus.Api.Search;

// The stretch of time the index covers, in 5-minute units from Origin (UTC): a few days back, the horizon and a margin.
internal sealed record IndexSpan(DateTimeOffset Origin, int UnitCount)
{
    private static readonly long UnitTicks = UnitMath.Unit.Ticks;

    public DateTimeOffset End => Origin + (UnitMath.Unit * UnitCount);

    public static IndexSpan Around(DateTimeOffset now, int horizonDays)
    {
        var origin = new DateTimeOffset(now.UtcDateTime.Date.AddDays(-2), TimeSpan.Zero);
        return new IndexSpan(origin, (horizonDays + IndexDaysAhead) * 24 * 60 / UnitMath.UnitMinutes);
    }

    // Days beyond the horizon the span reaches: the index is rebuilt before time runs into them.
    public const int IndexDaysAhead = 40;

    public int UnitOf(DateTimeOffset instant) => (int)Math.Clamp((instant.UtcTicks - Origin.UtcTicks) / UnitTicks, -1, UnitCount);

    public DateTimeOffset StartOf(int unit) => new(Origin.UtcTicks + (unit * UnitTicks), TimeSpan.Zero);

    // True while now is well inside the span (the daily rollover rebuilds once it is not).
    public bool Covers(DateTimeOffset now, int horizonDays) => now >= Origin && now.AddDays(horizonDays + 7) < End;
}

// One resource's taken units over the span: booked for good (a bit each) or held until an instant. Never changed
// once published: an update builds a new state and swaps it in, so searches read without locks.
internal sealed class UnitState
{
    private readonly ulong[] booked;
    private readonly Dictionary<int, long>? heldUntil;

    private UnitState(ulong[] bits, Dictionary<int, long>? held)
    {
        booked = bits;
        heldUntil = held is { Count: > 0 } ? held : null;
    }

    // What this state holds on the heap, roughly: the bitset and each live hold's dictionary entry.
    public int Bytes => (booked.Length * sizeof(ulong)) + ((heldUntil?.Count ?? 0) * 24);

    public static UnitState Empty(IndexSpan span) => new(new ulong[(span.UnitCount + 63) / 64], null);

    // Free when every unit is inside the span, not booked, and not held by a hold that is still live at nowTicks.
    public bool IsFree(int first, int count, long nowTicks)
    {
        if (first < 0 || first + count > booked.Length * 64)
        {
            return false;
        }

        for (var unit = first; unit < first + count; unit++)
        {
            if ((booked[unit >> 6] & (1UL << (unit & 63))) != 0)
            {
                return false;
            }

            if (heldUntil is not null && heldUntil.TryGetValue(unit, out var until) && until > nowTicks)
            {
                return false;
            }
        }

        return true;
    }

    // How many units of [first, first + count) are booked for good: an expert's load over a day ("any expert").
    public int BookedIn(int first, int count)
    {
        var booked = 0;
        for (var unit = Math.Max(0, first); unit < Math.Min(first + count, this.booked.Length * 64); unit++)
        {
            booked += (int)((this.booked[unit >> 6] >> (unit & 63)) & 1);
        }

        return booked;
    }

    // When the next hold still live at nowTicks expires (and frees its units without any write), if any.
    public long? NextExpiryAfter(long nowTicks) =>
        heldUntil?.Values.Where(until => until > nowTicks).DefaultIfEmpty().Min() is > 0 and var next ? next : null;

    // A copy with [first, first + count) replaced by what the database holds there now.
    public UnitState With(int first, int count, IEnumerable<(int Unit, long? ExpiresTicks)> taken)
    {
        var bits = (ulong[])booked.Clone();
        var held = heldUntil is null ? new Dictionary<int, long>() : new Dictionary<int, long>(heldUntil);
        for (var unit = Math.Max(0, first); unit < Math.Min(first + count, bits.Length * 64); unit++)
        {
            bits[unit >> 6] &= ~(1UL << (unit & 63));
            held.Remove(unit);
        }

        foreach (var (unit, expires) in taken)
        {
            Set(bits, held, unit, expires);
        }

        return new UnitState(bits, held);
    }

    // Builds a state from scratch, for the full build.
    public static UnitState From(IndexSpan span, IEnumerable<(int Unit, long? ExpiresTicks)> taken)
    {
        var bits = new ulong[(span.UnitCount + 63) / 64];
        var held = new Dictionary<int, long>();
        foreach (var (unit, expires) in taken)
        {
            Set(bits, held, unit, expires);
        }

        return new UnitState(bits, held);
    }

    private static void Set(ulong[] bits, Dictionary<int, long> held, int unit, long? expires)
    {
        if (unit < 0 || unit >= bits.Length * 64)
        {
            return;
        }

        if (expires is { } until)
        {
            held[unit] = until;
        }
        else
        {
            bits[unit >> 6] |= 1UL << (unit & 63);
        }
    }
}
