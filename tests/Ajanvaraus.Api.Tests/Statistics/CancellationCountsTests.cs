using System.Net;
using System.Net.Http.Json;
using Ajanvaraus.Api.Tests.Bookings;
using Ajanvaraus.Api.Tests.Infrastructure;

namespace Ajanvaraus.Api.Tests.Statistics;

// Who cancelled is counted apart: two bookings cancelled by their customers and one by the point's adviser must not
// come out as one and two.
public sealed class CancellationCountsTests
{
    [Fact]
    public async Task CancellationsByCustomersAndByStaffAreCountedEachOnTheirOwn()
    {
        await using var world = await BookingWorld.CreateAsync(experts: 3);
        foreach (var expert in world.Experts.Take(2))
        {
            var booked = await world.BookOkAsync(world.Booking(BookingWorld.Tuesday(9), expert: expert));
            await StatisticsDay.Ok(world.App.CreateClient().SendAsync(BookingWorld.WithToken(HttpMethod.Post,
                $"/api/v1/bookings/{booked.GetProperty("id").GetGuid()}/cancel", booked.GetProperty("manageToken").GetString()!, new { })));
        }

        var byStaff = await world.BookOkAsync(world.Booking(BookingWorld.Tuesday(10), expert: world.Experts[2]));
        await StatisticsDay.Ok(world.App.Adviser("mikkeli").PostAsJsonAsync(
            $"/api/v1/bookings/{byStaff.GetProperty("id").GetGuid()}/cancel", new { reason = "Asiakas soitti" }));

        var body = await (await world.App.Operator().GetAsync("/api/v1/statistics?from=2026-11-24&to=2026-11-24"))
            .ReadJsonAsync(HttpStatusCode.OK);
        var row = Assert.Single(body.GetProperty("rows").EnumerateArray());
        Assert.Equal(2, row.GetProperty("cancelledByCustomer").GetInt32());
        Assert.Equal(1, row.GetProperty("cancelledByStaff").GetInt32());
    }
}
