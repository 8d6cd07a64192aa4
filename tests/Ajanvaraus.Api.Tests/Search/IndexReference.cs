using Ajanvaraus.Api.Availability;
using Ajanvaraus.Api.Tests.Infrastructure;
using Dapper;

namespace Ajanvaraus.Api.Tests.Search;

// What search ought to offer an expert on one day at Mikkeli, computed straight from the tables with SlotCalculator:
// windows, taken units, active rooms, opening hours, closures, and whether the expert still offers the service.
internal static class IndexReference
{
    public static async Task<List<string>> OfferedAsync(AjanvarausApp app, Guid service, Guid expert, DateOnly day, DateTimeOffset now)
    {
        await using var c = await app.Db.OpenAsync(CancellationToken.None);
        var offers = await c.ExecuteScalarAsync<long>(
            "SELECT COUNT(*) FROM ExpertServices WHERE ExpertId = @Expert AND ServiceId = @Service",
            new { Expert = expert, Service = service });
        if (offers == 0)
        {
            return [];
        }

        var windows = (await c.QueryAsync<NamedSlotWindow>("""
            SELECT ExpertId, ServicePointId, StartsAt, EndsAt, AllowsInPerson, AllowsRemoteAtPoint, AllowsVideo, AllowsPhone
            FROM AvailabilityWindows WHERE ExpertId = @Expert
            """, new { Expert = expert })).Select(w => w.Window).ToList();
        var taken = (await c.QueryAsync<UnitRow>(
                "SELECT ResourceId, UnitStart FROM BookedUnits WHERE ExpiresAt IS NULL OR ExpiresAt > @Now", new { Now = now }))
            .Select(u => (u.ResourceId, u.UnitStart)).ToHashSet();
        var rooms = (await c.QueryAsync<Guid>("SELECT Id FROM VideoRooms WHERE ServicePointId = 'mikkeli' AND IsActive = 1")).ToList();
        var hours = (await c.QueryAsync<HoursRow>(
                "SELECT Weekday, Opens, Closes FROM ServicePointOpeningHours WHERE ServicePointId = 'mikkeli'"))
            .Select(h => new OpeningHours(h.Weekday, h.Opens, h.Closes)).ToList();
        var closed = (await c.QueryAsync<ClosureRow>("SELECT FirstDay, LastDay FROM ServicePointClosures WHERE ServicePointId = 'mikkeli'"))
            .Select(x => new DayRange(x.FirstDay, x.LastDay)).ToList();
        var query = new SlotQuery(45, [Channel.InPerson, Channel.RemoteAtPoint], now.AddMinutes(60),
            LocalTime.StartOfDay(day.AddDays(1)).AddTicks(-1), new HashSet<string> { "mikkeli" },
            [new RoomPoint("mikkeli", LocalTime.Helsinki, hours, rooms, closed)]);
        return SlotCalculator.Calculate(query, windows, taken)
            .Where(s => s.Start >= LocalTime.StartOfDay(day))
            .Select(s => $"{s.Start.UtcDateTime:O} {(s.Channel == Channel.InPerson ? "in_person" : "remote_at_point")}")
            .Distinct().Order(StringComparer.Ordinal).ToList();
    }

    private sealed record UnitRow
    {
        public Guid ResourceId { get; init; }
        public DateTimeOffset UnitStart { get; init; }
    }

    private sealed record HoursRow
    {
        public int Weekday { get; init; }
        public TimeOnly Opens { get; init; }
        public TimeOnly Closes { get; init; }
    }

    private sealed record ClosureRow
    {
        public DateOnly FirstDay { get; init; }
        public DateOnly LastDay { get; init; }
    }
}
