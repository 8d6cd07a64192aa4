using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ajanvaraus.Api.Tests.Bookings;
using Ajanvaraus.Api.Tests.Infrastructure;

namespace Ajanvaraus.Api.Tests.Availability;

public sealed class AvailabilitySearchApiTests
{
    private static async Task<List<JsonElement>> SearchAsync(BookingWorld world, string query) =>
        (await (await world.App.CreateClient().GetAsync($"/api/v1/availability?service={world.ServiceId}&{query}")).ReadJsonAsync(HttpStatusCode.OK))
            .GetProperty("items").EnumerateArray().ToList();

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task SearchAtAPointListsItsSlotsInLocalTime(Engine engine)
    {
        await using var world = await BookingWorld.CreateAsync(engine);

        var slots = await SearchAsync(world, "servicePoint=mikkeli&channel=in_person&from=2026-11-24&to=2026-11-24");

        // 09:00-12:00 with a 45-minute service on a 15-minute step: 09:00 ... 11:15.
        Assert.Equal(10, slots.Count);
        Assert.Equal("2026-11-24T09:00:00+02:00", slots[0].GetProperty("start").GetString());
        Assert.Equal("2026-11-24T11:15:00+02:00", slots[^1].GetProperty("start").GetString());
        Assert.All(slots, s => Assert.Equal("mikkeli", s.GetProperty("servicePointId").GetString()));
        Assert.All(slots, s => Assert.Equal(1, s.GetProperty("freeExperts").GetInt32()));
        Assert.All(slots, s => Assert.False(s.TryGetProperty("expertId", out _)));

        var one = await SearchAsync(world, $"servicePoint=mikkeli&channel=in_person&from=2026-11-24&to=2026-11-24&expert={world.Expert}");
        Assert.Equal(10, one.Count);
        Assert.Equal("Kela-asiantuntija 1", one[0].GetProperty("expertName").GetString());
    }

    [Fact]
    public async Task SearchLeavesOutBookedTimeAndTheMinimumNotice()
    {
        await using var world = await BookingWorld.CreateAsync();
        await world.BookOkAsync(world.Booking(BookingWorld.Tuesday(9, 30)));

        var tuesday = await SearchAsync(world, "servicePoint=mikkeli&channel=in_person&from=2026-11-24&to=2026-11-24");
        var starts = tuesday.Select(s => s.GetProperty("start").GetString()).ToList();
        Assert.DoesNotContain("2026-11-24T09:00:00+02:00", starts);
        Assert.DoesNotContain("2026-11-24T09:45:00+02:00", starts);
        Assert.Contains("2026-11-24T10:15:00+02:00", starts);

        // Now is Monday 10:00 local and notice is 60 minutes: Monday's first slot is 11:00.
        var monday = await SearchAsync(world, "servicePoint=mikkeli&channel=in_person&from=2026-11-23&to=2026-11-23");
        Assert.Equal("2026-11-23T11:00:00+02:00", monday[0].GetProperty("start").GetString());
    }

    [Fact]
    public async Task NationwideVideoSearchNeedsNoPlace()
    {
        await using var world = await BookingWorld.CreateAsync();
        var slots = await SearchAsync(world, "from=2026-11-24&to=2026-11-24");
        Assert.Equal(["phone", "video"], slots.Select(s => s.GetProperty("channel").GetString()).Distinct().Order());
        Assert.All(slots, s => Assert.False(s.TryGetProperty("servicePointId", out _)));
    }

    [Fact]
    public async Task RemoteAtPointNeedsAFreeVideoRoom()
    {
        await using var world = await BookingWorld.CreateAsync(experts: 2, videoRooms: 1);
        await world.BookOkAsync(world.Booking(BookingWorld.Tuesday(9), "remote_at_point", world.Experts[0]));

        var slots = await SearchAsync(world, "servicePoint=mikkeli&channel=remote_at_point&from=2026-11-24&to=2026-11-24");

        // The other expert is free at 09:00, but the only room is not.
        Assert.DoesNotContain(slots, s => s.GetProperty("start").GetString() == "2026-11-24T09:00:00+02:00");
        Assert.Contains(slots, s => s.GetProperty("start").GetString() == "2026-11-24T09:45:00+02:00");
    }

    [Fact]
    public async Task ALiveHoldHidesItsTimeAndAnExpiredOneDoesNot()
    {
        await using var world = await BookingWorld.CreateAsync();
        var hold = new { serviceId = world.ServiceId, expertId = world.Expert, start = BookingWorld.Tuesday(9), channel = "in_person",
            servicePointId = "mikkeli" };
        await (await world.App.CreateClient().PostAsJsonAsync("/api/v1/holds", hold)).ReadJsonAsync(HttpStatusCode.Created);
        const string query = "servicePoint=mikkeli&channel=in_person&from=2026-11-24&to=2026-11-24";

        var whileHeld = (await SearchAsync(world, query)).Select(s => s.GetProperty("start").GetString()).ToList();
        world.Clock.Advance(TimeSpan.FromMinutes(11));
        var afterExpiry = (await SearchAsync(world, query)).Select(s => s.GetProperty("start").GetString()).ToList();

        Assert.DoesNotContain("2026-11-24T09:00:00+02:00", whileHeld);
        Assert.DoesNotContain("2026-11-24T09:30:00+02:00", whileHeld);
        Assert.Contains("2026-11-24T09:45:00+02:00", whileHeld);
        Assert.Contains("2026-11-24T09:00:00+02:00", afterExpiry);
    }

    [Fact]
    public async Task SearchPagesWithACursor()
    {
        await using var world = await BookingWorld.CreateAsync();
        var all = await SearchAsync(world, "servicePoint=mikkeli&channel=in_person&from=2026-11-24&to=2026-11-25");
        var page = (await (await world.App.CreateClient().GetAsync($"/api/v1/availability?service={world.ServiceId}&servicePoint=mikkeli&channel=in_person&from=2026-11-24&to=2026-11-25&limit=7")).ReadJsonAsync(HttpStatusCode.OK));
        var next = page.GetProperty("nextCursor").GetString();
        var rest = await SearchAsync(world,
            $"servicePoint=mikkeli&channel=in_person&from=2026-11-24&to=2026-11-25&limit=100&cursor={next}");

        Assert.Equal(all.Select(s => s.GetProperty("start").GetString()),
            page.GetProperty("items").EnumerateArray().Concat(rest).Select(s => s.GetProperty("start").GetString()));
    }

    [Theory]
    [InlineData("servicePoint=mikkeli&from=2026-11-24&to=2027-01-24", "to")]
    [InlineData("servicePoint=mikkeli&channel=fax", "channel")]
    [InlineData("municipality=49", "municipality")]
    [InlineData("language=finnish", "language")]
    public async Task InvalidSearchAnswers400NamingTheParameter(string query, string field)
    {
        await using var world = await BookingWorld.CreateAsync();
        var response = await world.App.CreateClient().GetAsync($"/api/v1/availability?service={world.ServiceId}&{query}");
        await response.AssertValidationErrorAsync(field);
    }

    [Fact]
    public async Task SearchWithoutAServiceAnswers400()
    {
        await using var world = await BookingWorld.CreateAsync();
        var response = await world.App.CreateClient().GetAsync("/api/v1/availability?servicePoint=mikkeli");
        await response.AssertValidationErrorAsync("service");
    }
}
