using System.Net;
using System.Net.Http.Json;
using Ajanvaraus.Api.Identity;
using Ajanvaraus.Api.Tests.Bookings;
using Ajanvaraus.Api.Tests.Infrastructure;
using Dapper;

namespace Ajanvaraus.Api.Tests.Advisers;

// Check-in, no-show and complete along the status walk, who may do them, and the walk-in's free times.
public sealed class AdviserActionTests
{
    [Fact]
    public async Task ACustomerIsCheckedInFromAnHourBeforeAndCompletedAfterwards()
    {
        await using var world = await BookingWorld.CreateAsync();
        var id = await BookAsync(world, BookingWorld.Tuesday(10));

        // Tokens are judged by the service's clock: the adviser's is made on the day.
        world.Clock.SetUtcNow(BookingWorld.Tuesday(8, 55));
        var adviser = English(world.App.Adviser("mikkeli"));
        var early = await adviser.PostAsync($"/api/v1/bookings/{id}/check-in", null);
        world.Clock.SetUtcNow(BookingWorld.Tuesday(9, 5));
        var checkedIn = await (await adviser.PostAsync($"/api/v1/bookings/{id}/check-in", null)).ReadJsonAsync(HttpStatusCode.OK);
        var again = await adviser.PostAsync($"/api/v1/bookings/{id}/check-in", null);
        var cancel = await adviser.PostAsJsonAsync($"/api/v1/bookings/{id}/cancel", new { reason = "Ei enää" });
        var completed = await (await adviser.PostAsync($"/api/v1/bookings/{id}/complete", null)).ReadJsonAsync(HttpStatusCode.OK);

        Assert.Equal("Too early to check in", (await early.AssertProblemAsync(HttpStatusCode.Conflict)).GetProperty("title").GetString());
        Assert.Equal("checked_in", checkedIn.GetProperty("status").GetString());
        Assert.Equal(BookingWorld.Tuesday(9, 5), checkedIn.GetProperty("checkedInAt").GetDateTimeOffset());
        Assert.Equal("The customer is checked in",
            (await again.AssertProblemAsync(HttpStatusCode.Conflict)).GetProperty("title").GetString());
        Assert.Equal("The customer is checked in",
            (await cancel.AssertProblemAsync(HttpStatusCode.Conflict)).GetProperty("title").GetString());
        Assert.Equal("completed", completed.GetProperty("status").GetString());
    }

    [Fact]
    public async Task ANoShowComesOnlyAfterTheGraceAndKeepsTheTimeTaken()
    {
        await using var world = await BookingWorld.CreateAsync();
        var id = await BookAsync(world, BookingWorld.Tuesday(10));

        world.Clock.SetUtcNow(BookingWorld.Tuesday(10, 5));
        var adviser = English(world.App.Adviser("mikkeli"));
        var early = await adviser.PostAsync($"/api/v1/bookings/{id}/no-show", null);
        var notCheckedIn = await adviser.PostAsync($"/api/v1/bookings/{id}/complete", null);
        world.Clock.SetUtcNow(BookingWorld.Tuesday(10, 11));
        var noShow = await (await adviser.PostAsync($"/api/v1/bookings/{id}/no-show", null)).ReadJsonAsync(HttpStatusCode.OK);
        var checkIn = await adviser.PostAsync($"/api/v1/bookings/{id}/check-in", null);

        Assert.Equal("Too early for a no-show", (await early.AssertProblemAsync(HttpStatusCode.Conflict)).GetProperty("title").GetString());
        Assert.Equal("Not checked in", (await notCheckedIn.AssertProblemAsync(HttpStatusCode.Conflict)).GetProperty("title").GetString());
        Assert.Equal("no_show", noShow.GetProperty("status").GetString());
        Assert.Equal("The booking was a no-show",
            (await checkIn.AssertProblemAsync(HttpStatusCode.Conflict)).GetProperty("title").GetString());
        await using var c = await world.App.Db.OpenAsync(TestContext.Current.CancellationToken);
        Assert.Equal(9, await c.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM BookedUnits WHERE BookingId = @id", new { id }));
    }

    [Fact]
    public async Task AVideoAppointmentIsCompletedByItsAgencyNotCheckedIn()
    {
        await using var world = await BookingWorld.CreateAsync();
        var id = await BookAsync(world, BookingWorld.Tuesday(10), "video");
        world.Clock.SetUtcNow(BookingWorld.Tuesday(10, 30));

        var checkIn = await English(world.App.Operator()).PostAsync($"/api/v1/bookings/{id}/check-in", null);
        var completed = await (await world.App.AgencyAdmin("kela").PostAsync($"/api/v1/bookings/{id}/complete",
            null)).ReadJsonAsync(HttpStatusCode.OK);

        Assert.Equal("Not at the point", (await checkIn.AssertProblemAsync(HttpStatusCode.Conflict)).GetProperty("title").GetString());
        Assert.Equal("completed", completed.GetProperty("status").GetString());
    }

    [Theory]
    [InlineData("adviser-here", HttpStatusCode.OK)]
    [InlineData("adviser-elsewhere", HttpStatusCode.Forbidden)]
    [InlineData("agency-own", HttpStatusCode.OK)]
    [InlineData("agency-other", HttpStatusCode.Forbidden)]
    [InlineData("operator", HttpStatusCode.OK)]
    [InlineData("portal", HttpStatusCode.Forbidden)]
    [InlineData("anonymous", HttpStatusCode.Unauthorized)]
    public async Task EachRoleMayOrMayNotCheckInAndSeeTheAgenda(string who, HttpStatusCode expected)
    {
        await using var world = await BookingWorld.CreateAsync();
        var id = await BookAsync(world, BookingWorld.Tuesday(10));
        world.Clock.SetUtcNow(BookingWorld.Tuesday(9, 30));
        var client = ClientOf(world, who);

        var checkIn = await client.PostAsync($"/api/v1/bookings/{id}/check-in", null);
        var agenda = await client.GetAsync("/api/v1/service-points/mikkeli/agenda?date=2026-11-24");

        Assert.Equal(expected, checkIn.StatusCode);
        var agendaExpected = who == "agency-other" ? HttpStatusCode.OK : expected;
        Assert.Equal(agendaExpected, agenda.StatusCode);
        if (who == "agency-other")
        {
            Assert.Empty((await agenda.ReadJsonAsync(HttpStatusCode.OK)).GetProperty("items").EnumerateArray());
        }
    }

    [Theory]
    [InlineData("adviser-here", HttpStatusCode.OK)]
    [InlineData("adviser-elsewhere", HttpStatusCode.Forbidden)]
    [InlineData("agency-own", HttpStatusCode.OK)]
    [InlineData("agency-other", HttpStatusCode.Forbidden)]
    [InlineData("operator", HttpStatusCode.OK)]
    [InlineData("portal", HttpStatusCode.NotFound)]
    [InlineData("anonymous", HttpStatusCode.NotFound)]
    public async Task EachRoleMayOrMayNotCancelOnBehalfAndReadTheHistory(string who, HttpStatusCode expected)
    {
        // Without the manage token a portal or an anonymous caller cannot tell the booking exists.
        await using var world = await BookingWorld.CreateAsync();
        var id = await BookAsync(world, BookingWorld.Tuesday(10));
        var client = ClientOf(world, who);

        var history = await client.GetAsync($"/api/v1/bookings/{id}/history");
        var cancel = await client.PostAsJsonAsync($"/api/v1/bookings/{id}/cancel", new { reason = "Asiakas pyysi" });

        Assert.Equal(expected, history.StatusCode);
        Assert.Equal(expected, cancel.StatusCode);
    }

    [Fact]
    public async Task FreeTimesForAWalkInListTheEarliestTimesAtThePointAndRemotelyWithinTheNotice()
    {
        // Monday 10:00: the service's notice (60 minutes) hides times before 11:00 from a citizen, not from the desk.
        await using var world = await BookingWorld.CreateAsync(otherAgencies: ["vero"]);

        var free = await (await world.App.Adviser("mikkeli").GetAsync("/api/v1/service-points/mikkeli/free-times?date=2026-11-23"))
            .ReadJsonAsync(HttpStatusCode.OK);

        var services = free.GetProperty("services").EnumerateArray().ToList();
        Assert.Equal(2, services.Count);
        var kela = services.Single(s => s.GetProperty("providerId").GetString() == "kela");
        var atPoint = kela.GetProperty("atPoint").EnumerateArray().ToList();
        Assert.Equal(FreeTimesApiLimit, atPoint.Count);
        Assert.Equal(BookingWorld.Tuesday(10).AddDays(-1), atPoint[0].GetProperty("start").GetDateTimeOffset());
        Assert.NotEmpty(kela.GetProperty("remote").EnumerateArray());
        var vero = services.Single(s => s.GetProperty("providerId").GetString() == "vero");
        Assert.Empty(vero.GetProperty("remote").EnumerateArray());
    }

    private const int FreeTimesApiLimit = 5;

    // The callers of the role matrices: staff of this point and provider and of others, an operator, a portal, nobody.
    private static HttpClient ClientOf(BookingWorld world, string who) => who switch
    {
        "adviser-here" => world.App.Adviser("mikkeli"),
        "adviser-elsewhere" => world.App.Adviser("kiiminki"),
        "agency-own" => world.App.AgencyAdmin("kela"),
        "agency-other" => world.App.AgencyAdmin("vero"),
        "operator" => world.App.Operator(),
        "portal" => world.App.Portal("mikkeli.fi"),
        _ => world.App.CreateClient(),
    };

    private static HttpClient English(HttpClient client)
    {
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        return client;
    }

    private static async Task<Guid> BookAsync(BookingWorld world, DateTimeOffset start, string channel = "in_person") =>
        (await world.BookOkAsync(world.Booking(start, channel))).GetProperty("id").GetGuid();
}
