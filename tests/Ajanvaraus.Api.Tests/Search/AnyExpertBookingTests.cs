using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ajanvaraus.Api.Tests.Bookings;
using Ajanvaraus.Api.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Ajanvaraus.Api.Tests.Search;

public sealed class AnyExpertBookingTests
{
    private static object AnyExpert(BookingWorld world, DateTimeOffset start, string name = "Maija Meikäläinen") => new
    {
        serviceId = world.ServiceId, start, channel = "in_person", servicePointId = "mikkeli",
        customer = new { name, email = "maija@example.fi", language = "fi" },
    };

    private static async Task<JsonElement> TimeAsync(BookingWorld world, DateTimeOffset start)
    {
        var page = await (await world.App.CreateClient().GetAsync(
                $"/api/v1/availability?service={world.ServiceId}&servicePoint=mikkeli&channel=in_person&from=2026-11-24&to=2026-11-24"))
            .ReadJsonAsync(HttpStatusCode.OK);
        return page.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("start").GetDateTimeOffset() == start);
    }

    [Fact]
    public async Task FiftyConcurrentAnyExpertBookingsOfATimeWithThreeFreeExpertsGiveExactlyThreeDifferentExperts()
    {
        await using var world = await BookingWorld.CreateAsync(experts: 3);
        Assert.Equal(3, (await TimeAsync(world, BookingWorld.Tuesday(10))).GetProperty("freeExperts").GetInt32());

        var answers = await Task.WhenAll(Enumerable.Range(0, 50).Select(i => world.BookAsync(AnyExpert(world, BookingWorld.Tuesday(10), $"Asiakas {i}"))));

        Assert.Equal(3, answers.Count(a => a.StatusCode == HttpStatusCode.Created));
        Assert.Equal(47, answers.Count(a => a.StatusCode == HttpStatusCode.Conflict));
        var experts = new List<Guid>();
        foreach (var created in answers.Where(a => a.StatusCode == HttpStatusCode.Created))
        {
            experts.Add((await created.ReadJsonAsync(HttpStatusCode.Created)).GetProperty("expertId").GetGuid());
        }

        Assert.Equal(world.Experts.Order(), experts.Order());
        Assert.DoesNotContain(BookingWorld.Tuesday(10),
            (await (await world.App.CreateClient().GetAsync($"/api/v1/availability?service={world.ServiceId}&servicePoint=mikkeli"
                + "&channel=in_person&from=2026-11-24&to=2026-11-24")).ReadJsonAsync(HttpStatusCode.OK))
            .GetProperty("items").EnumerateArray().Select(i => i.GetProperty("start").GetDateTimeOffset()));
    }

    [Fact]
    public async Task AnyExpertGoesToTheExpertWithTheLeastBookedTimeThatDay()
    {
        await using var world = await BookingWorld.CreateAsync(experts: 2);
        await world.BookOkAsync(world.Booking(BookingWorld.Tuesday(9), expert: world.Experts[0]));

        var chosen = await world.BookOkAsync(AnyExpert(world, BookingWorld.Tuesday(11)));

        Assert.Equal(world.Experts[1], chosen.GetProperty("expertId").GetGuid());
    }

    [Fact]
    public async Task SixteenConcurrentBookersOfOneTimeWithTwentyFreeExpertsGetSixteenExpertsWithFewRetries()
    {
        await using var world = await BookingWorld.CreateAsync(experts: 20);
        var flow = world.App.Services.GetRequiredService<Ajanvaraus.Api.Bookings.BookingFlow>();
        var before = flow.Attempts;

        var answers = await Task.WhenAll(Enumerable.Range(0, 16).Select(i =>
            world.BookAsync(AnyExpert(world, BookingWorld.Tuesday(10), $"Asiakas {i}"))));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Created, a.StatusCode));
        var experts = new HashSet<Guid>();
        foreach (var answer in answers)
        {
            experts.Add((await answer.ReadJsonAsync(HttpStatusCode.Created)).GetProperty("expertId").GetGuid());
        }

        Assert.Equal(16, experts.Count);
        // Each booker spreads to an expert nobody else here is writing for: a retry only when a stale pick lost its insert.
        var attempts = flow.Attempts - before;
        TestContext.Current.TestOutputHelper?.WriteLine($"16 bookings took {attempts} writes.");
        Assert.InRange(attempts, 16, 20);
    }

    [Fact]
    public async Task AnyExpertAtATakenTimeAnswers409AndAtATimeNobodyOffersSaysWhy()
    {
        await using var world = await BookingWorld.CreateAsync();
        await world.BookOkAsync(world.Booking(BookingWorld.Tuesday(9)));

        Assert.Equal(HttpStatusCode.Conflict, (await world.BookAsync(AnyExpert(world, BookingWorld.Tuesday(9)))).StatusCode);
        var outside = await world.BookAsync(AnyExpert(world, BookingWorld.Tuesday(13)));
        Assert.Equal(HttpStatusCode.BadRequest, outside.StatusCode);
        Assert.True((await outside.ReadJsonAsync(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("start", out _));
    }

    [Fact]
    public async Task AHoldWithoutAnExpertNamesTheOneChosenAndTheTimeLeavesSearch()
    {
        await using var world = await BookingWorld.CreateAsync(experts: 2);
        var hold = await (await world.App.CreateClient().PostAsJsonAsync("/api/v1/holds", new
        {
            serviceId = world.ServiceId, start = BookingWorld.Tuesday(9), channel = "in_person", servicePointId = "mikkeli",
        })).ReadJsonAsync(HttpStatusCode.Created);

        Assert.Contains(hold.GetProperty("expertId").GetGuid(), world.Experts);
        Assert.Equal(1, (await TimeAsync(world, BookingWorld.Tuesday(9))).GetProperty("freeExperts").GetInt32());
    }

    [Fact]
    public async Task ARescheduleWithoutAnExpertMovesToAFreeExpertOrKeepsItsOwn()
    {
        await using var world = await BookingWorld.CreateAsync(experts: 2);
        var booking = await world.BookOkAsync(world.Booking(BookingWorld.Tuesday(9)));
        var (id, token) = (booking.GetProperty("id").GetGuid(), booking.GetProperty("manageToken").GetString()!);

        // 09:15 overlaps the booking's own units: its own expert may keep it, or the other one takes it.
        var moved = await (await world.App.CreateClient().SendAsync(BookingWorld.WithToken(HttpMethod.Post,
            $"/api/v1/bookings/{id}/reschedule", token, new { start = BookingWorld.Tuesday(9, 15) }))).ReadJsonAsync(HttpStatusCode.OK);

        Assert.Equal(BookingWorld.Tuesday(9, 15), moved.GetProperty("start").GetDateTimeOffset());
        Assert.Contains(moved.GetProperty("expertId").GetGuid(), world.Experts);
    }

    [Fact]
    public async Task ATimeFirstItemCountsTheFreeExpertsAndTheirLanguages()
    {
        await using var world = await BookingWorld.CreateAsync(experts: 3);
        await world.BookOkAsync(world.Booking(BookingWorld.Tuesday(9)));

        var item = await TimeAsync(world, BookingWorld.Tuesday(9));
        Assert.Equal(2, item.GetProperty("freeExperts").GetInt32());
        Assert.Equal(["fi", "sv"], item.GetProperty("languages").EnumerateArray().Select(l => l.GetString()));
        Assert.Equal(world.ServiceId, item.GetProperty("serviceId").GetGuid());
    }
}
