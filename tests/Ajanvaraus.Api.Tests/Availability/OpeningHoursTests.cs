using System.Net;
using System.Net.Http.Json;
using Ajanvaraus.Api.Tests.Bookings;
using Ajanvaraus.Api.Tests.Infrastructure;
using static Ajanvaraus.Api.Tests.Availability.AvailabilityCorrectnessTests;

namespace Ajanvaraus.Api.Tests.Availability;

// The test world's point opens 08-16 every day, wider than its rules: these tests give hours that constrain.
public sealed class OpeningHoursTests
{
    private const string Tuesday = "from=2026-11-24&to=2026-11-24";

    private static async Task SetHoursAsync(BookingWorld world, string opens, string closes, int lastWeekday = 7)
    {
        var response = await world.App.Operator().PutAsJsonAsync("/api/v1/service-points/mikkeli", new
        {
            names = new { fi = "Mikkelin asiointipiste", sv = "S:t Michels servicepunkt", en = "Mikkeli service point" },
            municipalityCode = "491",
            address = new { streetAddress = "Maaherrankatu 9", postalCode = "50100", postOffice = "Mikkeli" },
            timeZone = "Europe/Helsinki",
            openingHours = Enumerable.Range(1, lastWeekday).Select(day => new { weekday = day, opens, closes }),
            providers = new[] { "kela" },
        });
        await response.ReadJsonAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task InPersonTimesStayWithinOpeningHoursWhileTheRulesOtherChannelsKeepItsTime()
    {
        await using var world = await BookingWorld.CreateAsync();
        var expert = await AddExpertAsync(world, Rule("07:00", "20:00", ["in_person", "video"]));

        var inPerson = await StartsAsync(world, expert, $"servicePoint=mikkeli&channel=in_person&{Tuesday}&limit=100");
        var video = await StartsAsync(world, expert, $"channel=video&{Tuesday}&limit=100");

        Assert.Equal("2026-11-24T08:00:00+02:00", inPerson[0]);
        Assert.Equal("2026-11-24T15:15:00+02:00", inPerson[^1]);
        Assert.Equal("2026-11-24T07:00:00+02:00", video[0]);
        Assert.Equal("2026-11-24T19:15:00+02:00", video[^1]);
        var early = await world.BookAsync(world.Booking(BookingWorld.Tuesday(7), expert: expert));
        Assert.Equal(HttpStatusCode.BadRequest, early.StatusCode);
    }

    [Fact]
    public async Task ChangingAPointsOpeningHoursMovesItsInPersonTimesAtOnce()
    {
        await using var world = await BookingWorld.CreateAsync();
        await SetHoursAsync(world, "10:00", "16:00");

        var inPerson = await StartsAsync(world, world.Expert, $"servicePoint=mikkeli&channel=in_person&{Tuesday}");

        Assert.Equal("2026-11-24T10:00:00+02:00", inPerson[0]);
        var response = await world.BookAsync(world.Booking(BookingWorld.Tuesday(9)));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task RemoteAtPointIsOfferedOnlyWhileThePointIsOpen()
    {
        await using var world = await BookingWorld.CreateAsync();
        var expert = await AddExpertAsync(world, Rule("09:00", "12:00", ["remote_at_point"], point: null));
        await SetHoursAsync(world, "10:00", "16:00");

        var remote = await StartsAsync(world, expert, $"servicePoint=mikkeli&channel=remote_at_point&{Tuesday}");

        Assert.Equal("2026-11-24T10:00:00+02:00", remote[0]);
        var response = await world.BookAsync(world.Booking(BookingWorld.Tuesday(9, 15), "remote_at_point", expert));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await world.BookOkAsync(world.Booking(BookingWorld.Tuesday(10), "remote_at_point", expert));
    }

    [Fact]
    public async Task AnInPersonRuleWhollyOutsideTheOpeningHoursIsRefusedNamingItsTimes()
    {
        await using var world = await BookingWorld.CreateAsync();
        var admin = world.App.AgencyAdmin("kela");
        var path = $"/api/v1/experts/{world.Expert}/availability-rules";

        var evening = await admin.PostAsJsonAsync(path, Rule("17:00", "19:00", ["in_person", "video"]));

        await evening.AssertValidationErrorAsync("startTime");
        // Outside the hours but remote only: nothing needs the point open.
        await (await admin.PostAsJsonAsync(path, Rule("17:00", "19:00", ["video"]))).ReadJsonAsync(HttpStatusCode.Created);
    }

    [Fact]
    public async Task AnInPersonRuleOnDaysThePointIsClosedIsRefusedNamingItsRecurrence()
    {
        await using var world = await BookingWorld.CreateAsync();
        await SetHoursAsync(world, "08:00", "16:00", lastWeekday: 5);

        var saturday = await world.App.AgencyAdmin("kela").PostAsJsonAsync(
            $"/api/v1/experts/{world.Expert}/availability-rules", Rule("07:00", "20:00", ["in_person"], days: "SA"));

        await saturday.AssertValidationErrorAsync("recurrence");
    }

    [Fact]
    public async Task SearchAndBookingKeepToTheServicesBookingHorizon()
    {
        // The service books 60 days ahead (to 2027-01-22 10:00); windows are kept for 90.
        await using var world = await BookingWorld.CreateAsync();
        var beyond = new DateTimeOffset(2027, 1, 26, 9, 0, 0, TimeSpan.FromHours(2));

        Assert.NotEmpty(await StartsAsync(world, world.Expert, "servicePoint=mikkeli&channel=in_person&from=2027-01-19&to=2027-01-19"));
        Assert.Empty(await StartsAsync(world, world.Expert, "servicePoint=mikkeli&channel=in_person&from=2027-01-26&to=2027-01-26"));
        Assert.Empty(await StartsAsync(world, world.Expert, "channel=video&from=2027-01-26&to=2027-01-26"));
        Assert.Equal(HttpStatusCode.BadRequest, (await world.BookAsync(world.Booking(beyond))).StatusCode);
        await world.BookOkAsync(world.Booking(beyond.AddDays(-7)));
    }
}
