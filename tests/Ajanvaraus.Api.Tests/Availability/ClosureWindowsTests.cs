using System.Net;
using System.Net.Http.Json;
using Ajanvaraus.Api.Tests.Bookings;
using Ajanvaraus.Api.Tests.Infrastructure;

namespace Ajanvaraus.Api.Tests.Availability;

public sealed class ClosureWindowsTests
{
    [Fact]
    public async Task ClosingAPointForADayRemovesItsSlotsAtOnceAndReopeningBringsThemBack()
    {
        await using var world = await BookingWorld.CreateAsync();
        var search = $"/api/v1/availability?service={world.ServiceId}&servicePoint=mikkeli&channel=in_person&from=2026-11-24&to=2026-11-24";
        async Task<int> SlotsAsync() => (await (await world.App.CreateClient().GetAsync(search)).ReadJsonAsync(HttpStatusCode.OK)).GetProperty("items").GetArrayLength();
        Assert.True(await SlotsAsync() > 0);

        var closure = await (await world.App.Operator().PostAsJsonAsync("/api/v1/service-points/mikkeli/closures",
            new { firstDay = "2026-11-24", lastDay = "2026-11-24", reason = "Remontti" }))
            .ReadJsonAsync(HttpStatusCode.Created);
        Assert.Equal(0, await SlotsAsync());

        var deleted = await world.App.Operator().DeleteAsync($"/api/v1/service-points/mikkeli/closures/{closure.GetProperty("id").GetGuid()}");
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.True(await SlotsAsync() > 0);
    }
}
