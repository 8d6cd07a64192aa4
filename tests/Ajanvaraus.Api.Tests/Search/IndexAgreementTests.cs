using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ajanvaraus.Api.Availability;
using Ajanvaraus.Api.Tests.Bookings;
using Ajanvaraus.Api.Tests.Infrastructure;
using CsCheck;
using Dapper;

namespace Ajanvaraus.Api.Tests.Search;

// The in-memory index against the tables: random bookings, cancels, holds, absences, closures and the clock moving on
// through the API, and after every step each expert's offered times equal SlotCalculator's answer computed straight
// from the rows (windows, taken units, rooms, opening hours, closures).
public sealed class IndexAgreementTests
{
    private static readonly DateOnly Day = new(2026, 11, 24);

    [Fact]
    public async Task AfterEveryRandomChangeTheIndexOffersExactlyWhatTheTablesAllow()
    {
        var step = Gen.Select(Gen.Int[0, 6], Gen.Int[0, 11], Gen.Int[0, 2]);
        await step.Array[6, 12].SampleAsync(async steps =>
        {
            await using var world = await BookingWorld.CreateAsync(experts: 3);
            var state = new WorldState();
            foreach (var (kind, slot, expert) in steps)
            {
                await ApplyAsync(world, state, kind, BookingWorld.Tuesday(9).AddMinutes(15 * slot), world.Experts[expert], slot);
                foreach (var id in world.Experts)
                {
                    Assert.Equal(await ReferenceAsync(world, id), await OfferedAsync(world, id));
                }
            }
        }, iter: 3, threads: 1);
    }

    private sealed class WorldState
    {
        public List<(Guid Id, string Token)> Bookings { get; } = [];

        public Guid? Closure { get; set; }
    }

    private static async Task ApplyAsync(BookingWorld world, WorldState state, int kind, DateTimeOffset start, Guid expert, int slot)
    {
        var client = world.App.CreateClient();
        var channel = slot % 2 == 0 ? "in_person" : "remote_at_point";
        switch (kind)
        {
            case 0 or 1:
                var booked = await world.BookAsync(world.Booking(start, channel, expert));
                if (booked.StatusCode == HttpStatusCode.Created)
                {
                    var body = await booked.ReadJsonAsync(HttpStatusCode.Created);
                    state.Bookings.Add((body.GetProperty("id").GetGuid(), body.GetProperty("manageToken").GetString()!));
                }

                break;
            case 2 when state.Bookings.Count > 0:
                var (id, token) = state.Bookings[slot % state.Bookings.Count];
                state.Bookings.Remove((id, token));
                await client.SendAsync(BookingWorld.WithToken(HttpMethod.Post, $"/api/v1/bookings/{id}/cancel", token));
                break;
            case 3:
                await client.PostAsJsonAsync("/api/v1/holds", new { serviceId = world.ServiceId, start, channel, servicePointId = "mikkeli" });
                break;
            case 4:
                await world.App.AgencyAdmin("kela").PostAsJsonAsync($"/api/v1/experts/{expert}/absences",
                    new { startsAt = start, endsAt = start.AddMinutes(30) });
                break;
            case 5 when state.Closure is { } closure:
                await world.App.Operator().DeleteAsync($"/api/v1/service-points/mikkeli/closures/{closure}");
                state.Closure = null;
                break;
            case 5:
                var created = await world.App.Operator().PostAsJsonAsync("/api/v1/service-points/mikkeli/closures",
                    new { firstDay = Day, lastDay = Day });
                state.Closure = (await created.ReadJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();
                break;
            case 6:
                // Holds last 10 minutes: their time comes back without any write.
                world.Clock.Advance(TimeSpan.FromMinutes(11));
                break;
        }
    }

    private static async Task<List<string>> OfferedAsync(BookingWorld world, Guid expert) =>
        (await (await world.App.CreateClient().GetAsync(
                $"/api/v1/availability?service={world.ServiceId}&servicePoint=mikkeli&from={Day:yyyy-MM-dd}&to={Day:yyyy-MM-dd}&expert={expert}&limit=500"))
            .ReadJsonAsync(HttpStatusCode.OK))
        .GetProperty("items").EnumerateArray()
        .Select(i => $"{i.GetProperty("start").GetDateTimeOffset().UtcDateTime:O} {i.GetProperty("channel").GetString()}")
        .Order(StringComparer.Ordinal).ToList();

    private static async Task<List<string>> ReferenceAsync(BookingWorld world, Guid expert)
    {
        await using var c = await world.App.Db.OpenAsync(CancellationToken.None);
        var now = world.Clock.GetUtcNow();
        var windows = (await c.QueryAsync<WindowRow>("""
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
            LocalTime.StartOfDay(Day.AddDays(1)).AddTicks(-1), new HashSet<string> { "mikkeli" },
            [new RoomPoint("mikkeli", LocalTime.Helsinki, hours, rooms, closed)]);
        return SlotCalculator.Calculate(query, windows, taken)
            .Where(s => s.Start >= LocalTime.StartOfDay(Day))
            .Select(s => $"{s.Start.UtcDateTime:O} {(s.Channel == Channel.InPerson ? "in_person" : "remote_at_point")}")
            .Distinct().Order(StringComparer.Ordinal).ToList();
    }

    private sealed record WindowRow
    {
        public Guid ExpertId { get; init; }
        public string? ServicePointId { get; init; }
        public DateTimeOffset StartsAt { get; init; }
        public DateTimeOffset EndsAt { get; init; }
        public bool AllowsInPerson { get; init; }
        public bool AllowsRemoteAtPoint { get; init; }
        public bool AllowsVideo { get; init; }
        public bool AllowsPhone { get; init; }

        public SlotWindow Window => new(ExpertId, ServicePointId, StartsAt, EndsAt, AllowsInPerson, AllowsRemoteAtPoint, AllowsVideo,
            AllowsPhone);
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
