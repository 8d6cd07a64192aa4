using System.Net;
using Ajanvaraus.Api.Bookings;
using Ajanvaraus.Api.Tests.Infrastructure;
using Dapper;

namespace Ajanvaraus.Api.Tests.Bookings;

// Rooms are chosen by trying each room's insert, so a room taken by another writer sends the booking to the next one.
public sealed class UnitLedgerTests
{
    [Fact]
    public async Task ARoomTakenByAnotherWriterSendsTheBookingToTheNextRoom()
    {
        await using var world = await BookingWorld.CreateAsync(experts: 2, videoRooms: 2);
        await using var c = await world.App.Db.OpenAsync(TestContext.Current.CancellationToken);
        var rooms = (await c.QueryAsync<Guid>("SELECT Id FROM VideoRooms ORDER BY Name")).ToList();
        var start = BookingWorld.Tuesday(10);
        var reservation = new Reservation(world.Experts[1], start, start.AddMinutes(45), rooms);

        // Another writer holds one unit in the middle of the first room's time.
        await c.ExecuteAsync(
            "INSERT INTO BookedUnits (ResourceId, UnitStart, BookingId, HoldId, ExpiresAt) VALUES (@Room, @Unit, NULL, @Hold, NULL)",
            new { Room = rooms[0], Unit = Ajanvaraus.Api.Data.DapperTypeHandlers.ToSqliteText(start.AddMinutes(20)),
                Hold = Guid.NewGuid() });
        var owner = UnitOwner.Hold(Guid.NewGuid(), start.AddHours(1));

        var room = await world.App.Db.WriteAsync(
            scope => UnitLedger.TakeAsync(scope, reservation, owner), TestContext.Current.CancellationToken);

        Assert.Equal(rooms[1], room);
        Assert.Equal(9, await c.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM BookedUnits WHERE HoldId = @HoldId AND ResourceId = @Room",
            new { owner.HoldId, Room = rooms[1] }));
        Assert.Equal(0, await c.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM BookedUnits WHERE HoldId = @HoldId AND ResourceId = @Room",
            new { owner.HoldId, Room = rooms[0] }));
    }

    [Fact]
    public async Task TwoRemoteAtPointBookingsOfDifferentExpertsAtOneTimeGetTheTwoRooms()
    {
        await using var world = await BookingWorld.CreateAsync(experts: 2, videoRooms: 2);

        var first = await world.BookAsync(world.Booking(BookingWorld.Tuesday(10), "remote_at_point", world.Experts[0]));
        var second = await world.BookAsync(world.Booking(BookingWorld.Tuesday(10), "remote_at_point", world.Experts[1]));

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        await using var c = await world.App.Db.OpenAsync(TestContext.Current.CancellationToken);
        Assert.Equal(2, await c.ExecuteScalarAsync<int>("SELECT COUNT(DISTINCT VideoRoomId) FROM Bookings"));
    }
}
