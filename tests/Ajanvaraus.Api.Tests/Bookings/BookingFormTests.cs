using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Ajanvaraus.Api.Identity;
using Ajanvaraus.Api.Tests.Infrastructure;

namespace Ajanvaraus.Api.Tests.Bookings;

// What a portal sends and what it is told: the hold form, offsets, tokens, who made a booking, why a time is refused.
public sealed class BookingFormTests
{
    [Fact]
    public async Task ConfirmingAHoldWithOtherSlotFieldsAnswers400NamingThemAndBooksNothing()
    {
        await using var world = await BookingWorld.CreateAsync();
        var hold = await HoldAsync(world, BookingWorld.Tuesday(9));

        var response = await world.BookAsync(new
        {
            holdId = hold.GetProperty("id").GetGuid(),
            holdToken = hold.GetProperty("holdToken").GetString(),
            start = BookingWorld.Tuesday(10),
            channel = "video",
            customer = new { name = "Maija", email = "maija@example.fi", language = "fi" },
        });

        var problem = await response.AssertValidationErrorAsync("start");
        Assert.True(problem.GetProperty("errors").TryGetProperty("channel", out _));
        var later = await world.BookAsync(world.Booking(BookingWorld.Tuesday(10)));
        Assert.Equal(HttpStatusCode.Created, later.StatusCode);
    }

    [Fact]
    public async Task AStartWithoutAnOffsetAnswers400NamingStart()
    {
        await using var world = await BookingWorld.CreateAsync();
        var body = JsonSerializer.SerializeToNode(world.Booking(BookingWorld.Tuesday(9)))!.AsObject();
        body["start"] = "2026-11-24T09:00:00";

        var response = await world.BookAsync(body);

        await response.AssertValidationErrorAsync("start");
    }

    [Theory]
    [InlineData("POST", "/api/v1/bookings")]
    [InlineData("GET", "/api/v1/providers")]
    [InlineData("GET", "/health/live")]
    public async Task APresentButInvalidBearerTokenAnswers401EvenWhereAnonymousCallsAreWelcome(string method, string path)
    {
        await using var world = await BookingWorld.CreateAsync();
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "x");
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        if (method == "POST")
        {
            request.Content = JsonContent.Create(world.Booking(BookingWorld.Tuesday(9)));
        }

        var response = await world.App.CreateClient().SendAsync(request);

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Contains("invalid_token", response.Headers.WwwAuthenticate.ToString());
        Assert.Equal(HttpStatusCode.Created, (await world.BookAsync(world.Booking(BookingWorld.Tuesday(9)))).StatusCode);
    }

    [Theory]
    [InlineData(Roles.Adviser, "adviser", "mikkeli/")]
    [InlineData(Roles.AgencyAdmin, "agency_admin", "kela/")]
    [InlineData(Roles.Operator, "operator", "")]
    public async Task ABookingMadeWithAStaffTokenRecordsWhoMadeIt(string role, string kind, string idPrefix)
    {
        await using var world = await BookingWorld.CreateAsync();
        var staff = world.App.ClientAs(new TokenRequest(role, Provider: "kela", ServicePoint: "mikkeli", Subject: "liisa"));

        await (await world.BookAsync(world.Booking(BookingWorld.Tuesday(9)), client: staff)).ReadJsonAsync(HttpStatusCode.Created);

        var list = await (await world.App.AgencyAdmin("kela").GetAsync("/api/v1/providers/kela/bookings?from=2026-11-24&to=2026-11-24"))
            .ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal($"{kind}:{idPrefix}liisa",
            Assert.Single(list.GetProperty("items").EnumerateArray()).GetProperty("madeBy").GetString());
    }

    [Fact]
    public async Task ARefusedTimeSaysWhyForEachReason()
    {
        // Monday 10:00: notice is 60 minutes, the horizon 60 days, starts every 15 minutes from 09:00.
        await using var world = await BookingWorld.CreateAsync();
        var client = world.App.CreateClient();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        var reasons = new Dictionary<string, DateTimeOffset>
        {
            ["in the past"] = BookingWorld.Tuesday(9).AddDays(-7),
            ["minutes ahead"] = BookingWorld.Tuesday(10, 30).AddDays(-1),
            ["days ahead"] = BookingWorld.Tuesday(9).AddDays(63),
            ["every 15 minutes"] = BookingWorld.Tuesday(9, 5),
            ["does not publish"] = BookingWorld.Tuesday(14),
        };

        foreach (var (reason, start) in reasons)
        {
            var problem = await (await world.BookAsync(world.Booking(start), client: client)).AssertValidationErrorAsync("start");
            var message = problem.GetProperty("errors").GetProperty("start")[0].GetString();
            Assert.True(message!.Contains(reason, StringComparison.Ordinal), $"{start}: expected '{reason}' in '{message}'");
        }
    }

    [Fact]
    public async Task BookingAnswersCarryTheServiceAgencyAndPlaceInTheLanguageAsked()
    {
        await using var world = await BookingWorld.CreateAsync();
        var booking = await world.BookOkAsync(world.Booking(BookingWorld.Tuesday(9)));
        var (id, token) = (booking.GetProperty("id").GetGuid(), booking.GetProperty("manageToken").GetString()!);
        Assert.Equal("Asumistuen neuvonta", booking.GetProperty("serviceName").GetString());

        using var get = BookingWorld.WithToken(HttpMethod.Get, $"/api/v1/bookings/{id}", token);
        get.Headers.AcceptLanguage.Clear();
        get.Headers.AcceptLanguage.ParseAdd("sv");
        var swedish = await (await world.App.CreateClient().SendAsync(get)).ReadJsonAsync(HttpStatusCode.OK);

        Assert.Equal("Rådgivning om bostadsbidrag", swedish.GetProperty("serviceName").GetString());
        Assert.Equal("FPA", swedish.GetProperty("providerName").GetString());
        Assert.Equal("Kela-asiantuntija 1", swedish.GetProperty("expertName").GetString());
        var place = swedish.GetProperty("servicePoint");
        Assert.Equal("S:t Michels servicepunkt", place.GetProperty("name").GetString());
        Assert.Equal("Maaherrankatu 9", place.GetProperty("streetAddress").GetString());
    }

    private static async Task<JsonElement> HoldAsync(BookingWorld world, DateTimeOffset start) =>
        await (await world.App.CreateClient().PostAsJsonAsync("/api/v1/holds", new
        {
            serviceId = world.ServiceId, expertId = world.Expert, start, channel = "in_person", servicePointId = "mikkeli",
        })).ReadJsonAsync(HttpStatusCode.Created);
}
