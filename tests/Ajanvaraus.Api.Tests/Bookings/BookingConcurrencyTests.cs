using System.Net;
using Ajanvaraus.Api.Tests.Infrastructure;
using Ajanvaraus.Api.Availability;
using Dapper;

namespace Ajanvaraus.Api.Tests.Bookings;

// DESIGN.md guarantee 1: no double booking, ever — under concurrent requests, on both engines.
public sealed class BookingConcurrencyTests
{
    private const int Attempts = 50;

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task FiftyConcurrentBookingsOfTheSameTimeYieldExactlyOne(Engine engine)
    {
        await using var world = await BookingWorld.CreateAsync(engine);

        var statuses = await Fire(world, _ => world.Booking(BookingWorld.Tuesday(9)));

        Assert.Equal(1, statuses.Count(s => s == HttpStatusCode.Created));
        Assert.Equal(Attempts - 1, statuses.Count(s => s == HttpStatusCode.Conflict));
        await AssertUnits(world, bookings: 1, expertUnits: 9, roomUnits: 0);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task ConcurrentOverlappingMultiUnitBookingsYieldExactlyOne(Engine engine)
    {
        await using var world = await BookingWorld.CreateAsync(engine);
        DateTimeOffset[] overlapping = [BookingWorld.Tuesday(9), BookingWorld.Tuesday(9, 15), BookingWorld.Tuesday(9, 30)];

        var statuses = await Fire(world, i => world.Booking(overlapping[i % overlapping.Length]));

        Assert.Equal(1, statuses.Count(s => s == HttpStatusCode.Created));
        Assert.Equal(Attempts - 1, statuses.Count(s => s == HttpStatusCode.Conflict));
        await AssertUnits(world, bookings: 1, expertUnits: 9, roomUnits: 0);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task ConcurrentBookingsForTheLastVideoRoomYieldExactlyOne(Engine engine)
    {
        await using var world = await BookingWorld.CreateAsync(engine, experts: 5, videoRooms: 1);

        var statuses = await Fire(world, i => world.Booking(BookingWorld.Tuesday(10), "remote_at_point",
            world.Experts[i % world.Experts.Count]));

        Assert.Equal(1, statuses.Count(s => s == HttpStatusCode.Created));
        Assert.Equal(Attempts - 1, statuses.Count(s => s == HttpStatusCode.Conflict));
        await AssertUnits(world, bookings: 1, expertUnits: 9, roomUnits: 9);
    }

    private static async Task<HttpStatusCode[]> Fire(BookingWorld world, Func<int, object> body)
    {
        var client = world.App.CreateClient();
        using var start = new SemaphoreSlim(0);
        var calls = Enumerable.Range(0, Attempts).Select(async i =>
        {
            await start.WaitAsync();
            return (await world.BookAsync(body(i), client: client)).StatusCode;
        }).ToList();
        start.Release(Attempts);
        return await Task.WhenAll(calls);
    }

    // The database holds the expected bookings, each confirmed one with exactly its own units (every unit of its time,
    // of its expert and of its room, nothing else), and no unit belongs to nobody.
    private static async Task AssertUnits(BookingWorld world, int bookings, int expertUnits, int roomUnits)
    {
        await using var c = await world.App.Db.OpenAsync(TestContext.Current.CancellationToken);
        Assert.Equal(bookings, await c.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM Bookings"));
        var confirmed = (await c.QueryAsync<BookedTime>("SELECT Id, ExpertId, VideoRoomId, StartsAt, EndsAt FROM Bookings WHERE Status = 'confirmed'")).ToList();
        foreach (var booking in confirmed)
        {
            var expected = UnitMath.Units(booking.StartsAt, booking.EndsAt).ToList();
            Assert.Equal(expected, await UnitsAsync(c, booking.Id, booking.ExpertId));
            if (booking.VideoRoomId is { } room)
            {
                Assert.Equal(expected, await UnitsAsync(c, booking.Id, room));
            }

            Assert.Equal(expected.Count * (booking.VideoRoomId is null ? 1 : 2),
                await c.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM BookedUnits WHERE BookingId = @Id", new { booking.Id }));
        }

        var units = (await c.QueryAsync<(Guid ResourceId,
            int Units)>("SELECT ResourceId, COUNT(*) FROM BookedUnits GROUP BY ResourceId")).ToList();
        Assert.Equal(expertUnits, units.Where(u => world.Experts.Contains(u.ResourceId)).Sum(u => u.Units));
        Assert.Equal(roomUnits, units.Where(u => !world.Experts.Contains(u.ResourceId)).Sum(u => u.Units));
        Assert.Equal(0, await c.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM BookedUnits WHERE BookingId IS NULL"));
    }

    private static async Task<List<DateTimeOffset>> UnitsAsync(System.Data.Common.DbConnection c, Guid bookingId, Guid resourceId) =>
        (await c.QueryAsync<DateTimeOffset>(
            "SELECT UnitStart FROM BookedUnits WHERE BookingId = @BookingId AND ResourceId = @ResourceId ORDER BY UnitStart",
            new { BookingId = bookingId, ResourceId = resourceId })).ToList();

    private sealed record BookedTime
    {
        public Guid Id { get; init; }
        public Guid ExpertId { get; init; }
        public Guid? VideoRoomId { get; init; }
        public DateTimeOffset StartsAt { get; init; }
        public DateTimeOffset EndsAt { get; init; }
    }
}
