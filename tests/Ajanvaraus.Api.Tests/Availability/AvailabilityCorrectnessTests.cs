using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ajanvaraus.Api.Tests.Bookings;
using Ajanvaraus.Api.Tests.Infrastructure;

namespace Ajanvaraus.Api.Tests.Availability;

// Issue 15: closures and opening hours constrain every channel that needs the point; back-to-back windows join.
public sealed class AvailabilityCorrectnessTests
{
    private const string Tuesday = "from=2026-11-24&to=2026-11-24";

    internal static async Task<Guid> AddExpertAsync(BookingWorld world, params object[] rules)
    {
        var admin = world.App.AgencyAdmin("kela");
        var expert = await (await admin.PostAsJsonAsync("/api/v1/providers/kela/experts", new
        {
            displayName = "Kela-asiantuntija X",
            languages = new[] { "fi" },
            serviceIds = new[] { world.ServiceId },
        })).ReadJsonAsync(HttpStatusCode.Created);
        var id = expert.GetProperty("id").GetGuid();
        foreach (var rule in rules)
        {
            await (await admin.PostAsJsonAsync($"/api/v1/experts/{id}/availability-rules", rule)).ReadJsonAsync(HttpStatusCode.Created);
        }

        return id;
    }

    internal static object Rule(
        string start, string end, string[] channels, string? point = "mikkeli", string days = "MO,TU,WE,TH,FR") => new
    {
        servicePointId = point,
        channels,
        startTime = start,
        endTime = end,
        recurrence = $"FREQ=WEEKLY;BYDAY={days}",
        validFrom = "2026-10-01",
    };

    internal static async Task<List<string?>> StartsAsync(BookingWorld world, Guid expert, string query) =>
        (await (await world.App.CreateClient().GetAsync($"/api/v1/availability?service={world.ServiceId}&expert={expert}&{query}"))
                .ReadJsonAsync(HttpStatusCode.OK))
            .GetProperty("items").EnumerateArray()
            .Select(s => s.GetProperty("start").GetString())
            .ToList();

    private static async Task CloseAsync(BookingWorld world, string day) =>
        await (await world.App.Operator().PostAsJsonAsync("/api/v1/service-points/mikkeli/closures", new { firstDay = day, lastDay = day }))
            .ReadJsonAsync(HttpStatusCode.Created);

    private static async Task<List<JsonElement>> ConflictsAsync(HttpClient kela) =>
        (await (await kela.GetAsync("/api/v1/providers/kela/conflicts")).ReadJsonAsync(HttpStatusCode.OK))
            .GetProperty("items").EnumerateArray().ToList();

    [Fact]
    public async Task BackToBackRulesOfferATimeAcrossTheirBoundaryAndBookIt()
    {
        await using var world = await BookingWorld.CreateAsync();
        var expert = await AddExpertAsync(world, Rule("09:00", "10:00", ["in_person"]), Rule("10:00", "11:00", ["in_person"]));

        var starts = await StartsAsync(world, expert, $"servicePoint=mikkeli&channel=in_person&{Tuesday}");

        // 45 minutes from 09:30 ends 10:15, in the second rule's window.
        Assert.Contains("2026-11-24T09:30:00+02:00", starts);
        Assert.Equal("2026-11-24T10:15:00+02:00", starts[^1]);
        await world.BookOkAsync(world.Booking(BookingWorld.Tuesday(9, 30), expert: expert));
    }

    [Fact]
    public async Task WindowsJoinPerChannelNotAcrossChannels()
    {
        await using var world = await BookingWorld.CreateAsync();
        var expert = await AddExpertAsync(world, Rule("09:00", "10:00", ["in_person", "video"]), Rule("10:00", "11:00", ["video"]));

        var inPerson = await StartsAsync(world, expert, $"servicePoint=mikkeli&channel=in_person&{Tuesday}");
        var video = await StartsAsync(world, expert, $"channel=video&{Tuesday}");

        Assert.Equal(["2026-11-24T09:00:00+02:00", "2026-11-24T09:15:00+02:00"], inPerson);
        Assert.Contains("2026-11-24T09:30:00+02:00", video);
        var response = await world.BookAsync(world.Booking(BookingWorld.Tuesday(9, 30), expert: expert));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task AClosedPointOffersNoRemoteAtPointTimesAndRefusesThem()
    {
        await using var world = await BookingWorld.CreateAsync();
        var expert = await AddExpertAsync(world, Rule("09:00", "12:00", ["remote_at_point", "video"], point: null));
        var remote = $"servicePoint=mikkeli&channel=remote_at_point&{Tuesday}";
        Assert.NotEmpty(await StartsAsync(world, expert, remote));

        await CloseAsync(world, "2026-11-24");

        Assert.Empty(await StartsAsync(world, expert, remote));
        Assert.NotEmpty(await StartsAsync(world, expert, "servicePoint=mikkeli&channel=remote_at_point&from=2026-11-25&to=2026-11-25"));
        Assert.NotEmpty(await StartsAsync(world, expert, $"channel=video&{Tuesday}"));
        var response = await world.BookAsync(world.Booking(BookingWorld.Tuesday(9), "remote_at_point", expert));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task ARemoteAtPointBookingOnADayThePointClosesIsAConflict()
    {
        await using var world = await BookingWorld.CreateAsync();
        var expert = await AddExpertAsync(world, Rule("09:00", "12:00", ["remote_at_point"], point: null));
        var booked = await world.BookOkAsync(world.Booking(BookingWorld.Tuesday(9).AddDays(1), "remote_at_point", expert));
        await world.BookOkAsync(world.Booking(BookingWorld.Tuesday(11), "remote_at_point", expert));
        var kela = world.App.AgencyAdmin("kela");
        Assert.Empty(await ConflictsAsync(kela));

        await CloseAsync(world, "2026-11-25");

        var conflict = Assert.Single(await ConflictsAsync(kela));
        Assert.Equal(booked.GetProperty("id").GetGuid(), conflict.GetProperty("bookingId").GetGuid());
    }
}
