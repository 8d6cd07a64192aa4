using System.Net;
using Ajanvaraus.Api.Tests.Infrastructure;
using Dapper;

namespace Ajanvaraus.Api.Tests.Bookings;

/// <summary>DESIGN.md guarantee 1: no double booking, ever — under concurrent requests, on both engines.</summary>
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

        var statuses = await Fire(world, i => world.Booking(BookingWorld.Tuesday(10), "remote_at_point", world.Experts[i % world.Experts.Count]));

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

    // The database holds one booking, and exactly its units: none of any resource twice.
    private static async Task AssertUnits(BookingWorld world, int bookings, int expertUnits, int roomUnits)
    {
        await using var c = await world.App.Db.OpenAsync(TestContext.Current.CancellationToken);
        Assert.Equal(bookings, await c.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM Bookings"));
        var units = (await c.QueryAsync<(Guid ResourceId, int Units, int Distinct)>(
            "SELECT ResourceId, COUNT(*) AS Units, COUNT(DISTINCT UnitStart) AS DistinctUnits FROM BookedUnits GROUP BY ResourceId")).ToList();
        Assert.All(units, u => Assert.Equal(u.Units, u.Distinct));
        Assert.Equal(expertUnits, units.Where(u => world.Experts.Contains(u.ResourceId)).Sum(u => u.Units));
        Assert.Equal(roomUnits, units.Where(u => !world.Experts.Contains(u.ResourceId)).Sum(u => u.Units));
        Assert.Equal(0, await c.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM BookedUnits WHERE BookingId IS NULL"));
    }
}
