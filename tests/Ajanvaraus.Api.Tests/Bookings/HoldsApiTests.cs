using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ajanvaraus.Api.Tests.Infrastructure;
using Dapper;

namespace Ajanvaraus.Api.Tests.Bookings;

public sealed class HoldsApiTests
{
    private static object Hold(BookingWorld world, DateTimeOffset start, string channel = "in_person") => new
    {
        serviceId = world.ServiceId,
        expertId = world.Expert,
        start,
        channel,
        servicePointId = channel is "in_person" or "remote_at_point" ? "mikkeli" : null,
    };

    private static async Task<JsonElement> HoldOkAsync(BookingWorld world, DateTimeOffset start, string channel = "in_person") =>
        await (await world.App.CreateClient().PostAsJsonAsync("/api/v1/holds", Hold(world, start,
            channel))).ReadJsonAsync(HttpStatusCode.Created);

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task AHeldTimeCannotBeBookedByOthersButItsHolderConfirmsIt(Engine engine)
    {
        await using var world = await BookingWorld.CreateAsync(engine);
        var hold = await HoldOkAsync(world, BookingWorld.Tuesday(9), "remote_at_point");
        Assert.Equal(BookingWorld.Now.AddMinutes(10), hold.GetProperty("expiresAt").GetDateTimeOffset());

        var other = await world.BookAsync(world.Booking(BookingWorld.Tuesday(9)));
        await other.AssertProblemAsync(HttpStatusCode.Conflict);

        var confirmed = await (await world.BookAsync(new
        {
            holdId = hold.GetProperty("id").GetGuid(),
            holdToken = hold.GetProperty("holdToken").GetString(),
            customer = new { name = "Maija", email = "maija@example.fi", language = "sv" },
        })).ReadJsonAsync(HttpStatusCode.Created);

        Assert.Equal("remote_at_point", confirmed.GetProperty("channel").GetString());
        await using var c = await world.App.Db.OpenAsync(TestContext.Current.CancellationToken);
        Assert.Equal(0, await c.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM Holds"));
        Assert.Equal(18, await c.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM BookedUnits WHERE BookingId IS NOT NULL"));
        Assert.Equal(0, await c.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM BookedUnits WHERE HoldId IS NOT NULL"));
    }

    [Fact]
    public async Task ALiveHoldIsConfirmedEvenWhenTheMinimumNoticeHasSincePassed()
    {
        // Tuesday 07:58 in Mikkeli: 09:00 is 62 minutes away, just over the service's 60 minutes of notice.
        await using var world = await BookingWorld.CreateAsync(now: BookingWorld.Tuesday(7, 58), experts: 2);
        var hold = await HoldOkAsync(world, BookingWorld.Tuesday(9));
        world.Clock.Advance(TimeSpan.FromMinutes(5));

        var confirmed = await world.BookAsync(new
        {
            holdId = hold.GetProperty("id").GetGuid(),
            holdToken = hold.GetProperty("holdToken").GetString(),
            customer = new { name = "Maija", email = "maija@example.fi", language = "fi" },
        });

        await confirmed.ReadJsonAsync(HttpStatusCode.Created);
        var direct = await world.BookAsync(world.Booking(BookingWorld.Tuesday(9), expert: world.Experts[1]));
        await direct.AssertValidationErrorAsync("start");
    }

    [Fact]
    public async Task AnExpiredHoldBlocksNoOne()
    {
        await using var world = await BookingWorld.CreateAsync();
        await HoldOkAsync(world, BookingWorld.Tuesday(9));
        world.Clock.Advance(TimeSpan.FromMinutes(11));

        await world.BookOkAsync(world.Booking(BookingWorld.Tuesday(9)));
    }

    [Fact]
    public async Task HoldingATakenTimeAnswers409()
    {
        await using var world = await BookingWorld.CreateAsync();
        await world.BookOkAsync(world.Booking(BookingWorld.Tuesday(9)));
        var response = await world.App.CreateClient().PostAsJsonAsync("/api/v1/holds", Hold(world, BookingWorld.Tuesday(9, 30), "video"));
        await response.AssertProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task ReleasingAHoldNeedsItsTokenAndFreesTheTime()
    {
        await using var world = await BookingWorld.CreateAsync();
        var hold = await HoldOkAsync(world, BookingWorld.Tuesday(9));
        var id = hold.GetProperty("id").GetGuid();
        var client = world.App.CreateClient();

        using var wrong = new HttpRequestMessage(HttpMethod.Delete, $"/api/v1/holds/{id}");
        wrong.Headers.Add("X-Hold-Token", "nope");
        await (await client.SendAsync(wrong)).AssertProblemAsync(HttpStatusCode.NotFound);

        using var right = new HttpRequestMessage(HttpMethod.Delete, $"/api/v1/holds/{id}");
        right.Headers.Add("X-Hold-Token", hold.GetProperty("holdToken").GetString());
        Assert.Equal(HttpStatusCode.NoContent, (await client.SendAsync(right)).StatusCode);

        await world.BookOkAsync(world.Booking(BookingWorld.Tuesday(9)));
    }

    [Fact]
    public async Task ConfirmingWithAWrongHoldTokenAnswers400NamingTheHold()
    {
        await using var world = await BookingWorld.CreateAsync();
        var hold = await HoldOkAsync(world, BookingWorld.Tuesday(9));
        var response = await world.BookAsync(new { holdId = hold.GetProperty("id").GetGuid(), holdToken = "guess",
            customer = new { name = "M", email = "m@example.fi", language = "fi" } });
        await response.AssertValidationErrorAsync("holdId");
    }
}
