namespace Ajanvaraus.Api.Availability;

// Time is booked in fixed 5-minute units counted in UTC (DESIGN.md, "Booked unit"): a booking of an
// expert writes one row per unit it covers, and the unique index on (resource, unit start) is what
// stops a double booking. Units are UTC so a 45-minute booking is nine units even on a DST day.
internal static class UnitMath
{
    public const int UnitMinutes = 5;
    public static readonly TimeSpan Unit = TimeSpan.FromMinutes(UnitMinutes);

    public static bool IsOnUnitBoundary(DateTimeOffset instant) => instant.UtcTicks % Unit.Ticks == 0;

    // Unit starts covering [start, end), in UTC. Times off the grid are refused rather than rounded: two
    // bookings rounded to different units could overlap without their rows ever colliding.
    public static IReadOnlyList<DateTimeOffset> Units(DateTimeOffset start, DateTimeOffset end)
    {
        if (!IsOnUnitBoundary(start))
        {
            throw new ArgumentException($"{start:O} is not on a {UnitMinutes}-minute boundary.", nameof(start));
        }
        if (!IsOnUnitBoundary(end))
        {
            throw new ArgumentException($"{end:O} is not on a {UnitMinutes}-minute boundary.", nameof(end));
        }
        // An empty range would claim no units, and so be bookable by everyone at once.
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(end, start);

        var count = (int)((end - start).Ticks / Unit.Ticks);
        var first = start.ToUniversalTime();
        var units = new DateTimeOffset[count];
        for (var i = 0; i < count; i++)
        {
            units[i] = first + i * Unit;
        }
        return units;
    }
}
