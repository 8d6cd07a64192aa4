using System.Net;
using Ajanvaraus.Api.Tests.Bookings;
using Ajanvaraus.Api.Tests.Infrastructure;

namespace Ajanvaraus.Api.Tests.Availability;

public sealed class SlotNamesTests
{
    [Fact]
    public async Task SlotsCarryTheServiceAgencyAndPlaceInTheLanguageAsked()
    {
        await using var world = await BookingWorld.CreateAsync();
        var client = world.App.CreateClient();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("sv");

        var page = await (await client.GetAsync(
            $"/api/v1/availability?service={world.ServiceId}&servicePoint=mikkeli&channel=in_person&from=2026-11-24&to=2026-11-24&limit=1"))
            .ReadJsonAsync(HttpStatusCode.OK);

        var slot = Assert.Single(page.GetProperty("items").EnumerateArray());
        Assert.Equal("Rådgivning om bostadsbidrag", slot.GetProperty("serviceName").GetString());
        Assert.Equal("FPA", slot.GetProperty("providerName").GetString());
        Assert.Equal("S:t Michels servicepunkt", slot.GetProperty("servicePoint").GetProperty("name").GetString());
        Assert.Equal("Maaherrankatu 9", slot.GetProperty("servicePoint").GetProperty("streetAddress").GetString());
    }
}
