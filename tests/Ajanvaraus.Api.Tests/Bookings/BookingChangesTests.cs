using System.Net;
using Ajanvaraus.Api.Tests.Infrastructure;
using Dapper;

namespace Ajanvaraus.Api.Tests.Bookings;

public sealed class BookingChangesTests
{
    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task CancellingFreesTheTimeAndRecordsWhoDidIt(Engine engine)
    {
        await using var world = await BookingWorld.CreateAsync(engine);
        var booking = await world.BookOkAsync(world.Booking(BookingWorld.Tuesday(9)));
        var (id, token) = (booking.GetProperty("id").GetGuid(), booking.GetProperty("manageToken").GetString()!);

        var cancelled = await (await world.App.CreateClient().SendAsync(BookingWorld.WithToken(HttpMethod.Post,
            $"/api/v1/bookings/{id}/cancel", token, new { reason = "Estynyt" })))
            .ReadJsonAsync(HttpStatusCode.OK);

        Assert.Equal("cancelled", cancelled.GetProperty("status").GetString());
        Assert.Equal(1, cancelled.GetProperty("sequence").GetInt32());
        await world.BookOkAsync(world.Booking(BookingWorld.Tuesday(9)));
        await using var c = await world.App.Db.OpenAsync(TestContext.Current.CancellationToken);
        var history = (await c.QueryAsync<(string Action,
            string ActorKind)>("SELECT Action, ActorKind FROM BookingHistory WHERE BookingId = @id ORDER BY OccurredAt",
            new { id })).ToList();
        Assert.Equal([("created", "citizen"), ("cancelled", "citizen")], history);
    }

    [Fact]
    public async Task CancellingAfterTheCutOffAnswers409AndKeepsTheBooking()
    {
        await using var world = await BookingWorld.CreateAsync(cancellationCutoffMinutes: 1440);
        var booking = await world.BookOkAsync(world.Booking(BookingWorld.Tuesday(9)));
        var (id, token) = (booking.GetProperty("id").GetGuid(), booking.GetProperty("manageToken").GetString()!);
        world.Clock.SetUtcNow(BookingWorld.Tuesday(9).AddHours(-23));

        var response = await world.App.CreateClient().SendAsync(BookingWorld.WithToken(HttpMethod.Post, $"/api/v1/bookings/{id}/cancel",
            token));

        await response.AssertProblemAsync(HttpStatusCode.Conflict);
        var kept = await (await world.App.CreateClient().SendAsync(BookingWorld.WithToken(HttpMethod.Get, $"/api/v1/bookings/{id}",
            token))).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal("confirmed", kept.GetProperty("status").GetString());
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task ReschedulingOntoATakenTimeLeavesTheOldBookingIntact(Engine engine)
    {
        await using var world = await BookingWorld.CreateAsync(engine);
        var mine = await world.BookOkAsync(world.Booking(BookingWorld.Tuesday(9)));
        await world.BookOkAsync(world.Booking(BookingWorld.Tuesday(10)));
        var (id, token) = (mine.GetProperty("id").GetGuid(), mine.GetProperty("manageToken").GetString()!);

        var response = await world.App.CreateClient().SendAsync(BookingWorld.WithToken(HttpMethod.Post,
            $"/api/v1/bookings/{id}/reschedule", token,
            new { expertId = world.Expert, start = BookingWorld.Tuesday(10) }));

        await response.AssertProblemAsync(HttpStatusCode.Conflict);
        var kept = await (await world.App.CreateClient().SendAsync(BookingWorld.WithToken(HttpMethod.Get, $"/api/v1/bookings/{id}",
            token))).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal("2026-11-24T09:00:00+02:00", kept.GetProperty("start").GetString());
        Assert.Equal(0, kept.GetProperty("sequence").GetInt32());
        await using var c = await world.App.Db.OpenAsync(TestContext.Current.CancellationToken);
        Assert.Equal(9, await c.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM BookedUnits WHERE BookingId = @id", new { id }));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task ReschedulingMovesTheUnitsAndBumpsTheSequence(Engine engine)
    {
        await using var world = await BookingWorld.CreateAsync(engine);
        var mine = await world.BookOkAsync(world.Booking(BookingWorld.Tuesday(9)));
        var (id, token) = (mine.GetProperty("id").GetGuid(), mine.GetProperty("manageToken").GetString()!);

        var moved = await (await world.App.CreateClient().SendAsync(BookingWorld.WithToken(HttpMethod.Post,
            $"/api/v1/bookings/{id}/reschedule", token,
            new { expertId = world.Expert, start = BookingWorld.Tuesday(9, 15) }))).ReadJsonAsync(HttpStatusCode.OK);

        Assert.Equal("2026-11-24T09:15:00+02:00", moved.GetProperty("start").GetString());
        Assert.Equal(1, moved.GetProperty("sequence").GetInt32());
        await using var c = await world.App.Db.OpenAsync(TestContext.Current.CancellationToken);
        var first = await c.ExecuteScalarAsync<DateTimeOffset>("SELECT MIN(UnitStart) FROM BookedUnits WHERE BookingId = @id", new { id });
        Assert.Equal(BookingWorld.Tuesday(9, 15), first);
    }

    [Fact]
    public async Task WrongOrMissingManageTokenAnswers404Everywhere()
    {
        await using var world = await BookingWorld.CreateAsync();
        var booking = await world.BookOkAsync(world.Booking(BookingWorld.Tuesday(9)));
        var id = booking.GetProperty("id").GetGuid();
        var client = world.App.CreateClient();

        await (await client.SendAsync(BookingWorld.WithToken(HttpMethod.Get, $"/api/v1/bookings/{id}",
            "wrong"))).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await client.GetAsync($"/api/v1/bookings/{id}")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await client.GetAsync($"/api/v1/bookings/{id}?token=wrong")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await client.SendAsync(BookingWorld.WithToken(HttpMethod.Post, $"/api/v1/bookings/{id}/cancel",
            "wrong"))).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await client.SendAsync(BookingWorld.WithToken(HttpMethod.Post, $"/api/v1/bookings/{id}/reschedule", "wrong",
            new { expertId = world.Expert, start = BookingWorld.Tuesday(10) })))
            .AssertProblemAsync(HttpStatusCode.NotFound);
        await (await client.SendAsync(BookingWorld.WithToken(HttpMethod.Get, $"/api/v1/bookings/{Guid.NewGuid()}",
            booking.GetProperty("manageToken").GetString()!)))
            .AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ManageTokenInTheQueryStringWorksForEmailLinks()
    {
        await using var world = await BookingWorld.CreateAsync();
        var booking = await world.BookOkAsync(world.Booking(BookingWorld.Tuesday(9)));
        var (id, token) = (booking.GetProperty("id").GetGuid(), booking.GetProperty("manageToken").GetString()!);

        var fetched = await world.App.CreateClient().GetAsync($"/api/v1/bookings/{id}?token={Uri.EscapeDataString(token)}");

        Assert.Equal(HttpStatusCode.OK, fetched.StatusCode);
    }

    [Fact]
    public async Task GetNeverChangesABooking()
    {
        await using var world = await BookingWorld.CreateAsync();
        var booking = await world.BookOkAsync(world.Booking(BookingWorld.Tuesday(9)));
        var (id, token) = (booking.GetProperty("id").GetGuid(), booking.GetProperty("manageToken").GetString()!);

        var viaGet = await world.App.CreateClient().GetAsync($"/api/v1/bookings/{id}/cancel?token={Uri.EscapeDataString(token)}");

        Assert.Equal(HttpStatusCode.MethodNotAllowed, viaGet.StatusCode);
        var kept = await (await world.App.CreateClient().SendAsync(BookingWorld.WithToken(HttpMethod.Get, $"/api/v1/bookings/{id}",
            token))).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal("confirmed", kept.GetProperty("status").GetString());
    }
}
