using System.Net;
using Ajanvaraus.Api.Tests.Bookings;
using Ajanvaraus.Api.Tests.Infrastructure;

namespace Ajanvaraus.Api.Tests.Availability;

public sealed class SlotNamesTests
{
    [Fact]
    public async Task APageOfTimesNamesTheServiceAgencyAndPlacesInTheLanguageAsked()
    {
        await using var world = await BookingWorld.CreateAsync();
        var client = world.App.CreateClient();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("sv");

        var page = await (await client.GetAsync(
            $"/api/v1/availability?service={world.ServiceId}&servicePoint=mikkeli&channel=in_person&from=2026-11-24&to=2026-11-24&limit=1"))
            .ReadJsonAsync(HttpStatusCode.OK);

        var slot = Assert.Single(page.GetProperty("items").EnumerateArray());
        Assert.Equal(world.ServiceId, slot.GetProperty("serviceId").GetGuid());
        Assert.Equal("Rådgivning om bostadsbidrag", page.GetProperty("service").GetProperty("name").GetString());
        Assert.Equal("FPA", page.GetProperty("service").GetProperty("providerName").GetString());
        var place = Assert.Single(page.GetProperty("servicePoints").EnumerateArray());
        Assert.Equal("mikkeli", place.GetProperty("id").GetString());
        Assert.Equal("S:t Michels servicepunkt", place.GetProperty("name").GetString());
        Assert.Equal("Maaherrankatu 9", place.GetProperty("streetAddress").GetString());
    }
}
