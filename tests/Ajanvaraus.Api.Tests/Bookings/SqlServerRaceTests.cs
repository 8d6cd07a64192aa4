using System.Net;
using System.Net.Http.Json;
using Ajanvaraus.Api.Tests.Infrastructure;
using Dapper;
using Microsoft.Data.SqlClient;

namespace Ajanvaraus.Api.Tests.Bookings;

// Races that only SQL Server can show (on SQLite every writer queues behind one lock), each run with
// READ_COMMITTED_SNAPSHOT off and on. Skipped unless AJANVARAUS_TEST_SQLSERVER is set (README, "SQL Server").
public sealed class SqlServerRaceTests
{
    private const int Rounds = 10;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task TwoRemoteAtPointBookingsOfDifferentExpertsAtOneTimeBothGetARoom(bool snapshot)
    {
        await using var world = await WorldAsync(snapshot, experts: 2, videoRooms: 2);
        for (var round = 0; round < Rounds; round++)
        {
            var start = BookingWorld.Tuesday(9).AddDays(7 * round);
            var statuses = await Task.WhenAll(world.Experts.Select(expert => world.BookAsync(world.Booking(start, "remote_at_point",
                expert))));

            Assert.All(statuses, s => Assert.Equal(HttpStatusCode.Created, s.StatusCode));
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task AnExpiredHoldConfirmedWhileABookingTakesItsTimeEndsWithOneBookingAndNo500(bool snapshot)
    {
        await using var world = await WorldAsync(snapshot, experts: 1, videoRooms: 1);
        for (var round = 0; round < Rounds; round++)
        {
            var start = BookingWorld.Tuesday(9).AddDays(7 * round);
            var hold = await (await world.App.CreateClient().PostAsJsonAsync("/api/v1/holds", new
            {
                serviceId = world.ServiceId, expertId = world.Expert, start, channel = "remote_at_point", servicePointId = "mikkeli",
            })).ReadJsonAsync(HttpStatusCode.Created);
            world.Clock.Advance(TimeSpan.FromMinutes(11));

            var confirm = world.BookAsync(new
            {
                holdId = hold.GetProperty("id").GetGuid(),
                holdToken = hold.GetProperty("holdToken").GetString(),
                customer = new { name = "Maija", email = "maija@example.fi", language = "fi" },
            });
            var other = world.BookAsync(world.Booking(start, "remote_at_point"));
            var statuses = (await Task.WhenAll(confirm, other)).Select(r => r.StatusCode).ToList();

            Assert.Equal(1, statuses.Count(s => s == HttpStatusCode.Created));
            Assert.All(statuses, s => Assert.True(s is HttpStatusCode.Created or HttpStatusCode.Conflict, $"Got {(int)s}"));
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ACancelRacingARescheduleOfOneBookingLeavesItConsistentAndNever500(bool snapshot)
    {
        await using var world = await WorldAsync(snapshot, experts: 1, videoRooms: 1);
        for (var round = 0; round < Rounds; round++)
        {
            var start = BookingWorld.Tuesday(9).AddDays(7 * round);
            var booking = await world.BookOkAsync(world.Booking(start));
            var (id, token) = (booking.GetProperty("id").GetGuid(), booking.GetProperty("manageToken").GetString()!);

            var cancel = world.App.CreateClient().SendAsync(BookingWorld.WithToken(HttpMethod.Post, $"/api/v1/bookings/{id}/cancel", token,
                new { }));
            var move = world.App.CreateClient().SendAsync(BookingWorld.WithToken(
                HttpMethod.Post, $"/api/v1/bookings/{id}/reschedule", token, new { expertId = world.Expert, start = start.AddHours(1) }));
            var statuses = (await Task.WhenAll(cancel, move)).Select(r => r.StatusCode).ToList();

            Assert.All(statuses, s => Assert.True(s is HttpStatusCode.OK or HttpStatusCode.Conflict, $"Got {(int)s}"));
            await using var c = await world.App.Db.OpenAsync(TestContext.Current.CancellationToken);
            var status = await c.ExecuteScalarAsync<string>("SELECT Status FROM Bookings WHERE Id = @id", new { id });
            var units = await c.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM BookedUnits WHERE BookingId = @id", new { id });
            Assert.Equal(status == "cancelled" ? 0 : 9, units);
        }
    }

    private static async Task<BookingWorld> WorldAsync(bool snapshot, int experts, int videoRooms)
    {
        var world = await BookingWorld.CreateAsync(Engine.SqlServer, experts: experts, videoRooms: videoRooms);
        SqlConnection.ClearAllPools();
        await using var c = await world.App.Db.OpenAsync(TestContext.Current.CancellationToken);
        await c.ExecuteAsync($"ALTER DATABASE CURRENT SET READ_COMMITTED_SNAPSHOT {(snapshot ? "ON" : "OFF")} WITH ROLLBACK IMMEDIATE");
        return world;
    }
}
