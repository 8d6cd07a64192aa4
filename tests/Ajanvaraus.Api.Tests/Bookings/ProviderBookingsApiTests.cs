using System.Net;
using System.Net.Http.Json;
using Ajanvaraus.Api.Tests.Infrastructure;
using Dapper;

namespace Ajanvaraus.Api.Tests.Bookings;

public sealed class ProviderBookingsApiTests
{
    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task AgencyAdminSeesItsBookingsWithContactsAndWhoMadeThem(Engine engine)
    {
        await using var world = await BookingWorld.CreateAsync(engine);
        await world.BookOkAsync(world.Booking(BookingWorld.Tuesday(9)));
        await world.BookAsync(world.Booking(BookingWorld.Tuesday(10, 30), "video"), client: world.App.Portal("mikkeli.fi"));

        var page = await (await world.App.AgencyAdmin("kela").GetAsync("/api/v1/providers/kela/bookings?from=2026-11-24&to=2026-11-24")).ReadJsonAsync(HttpStatusCode.OK);

        var items = page.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(2, items.Count);
        Assert.Equal("maija@example.fi", items[0].GetProperty("customer").GetProperty("email").GetString());
        Assert.Equal("citizen", items[0].GetProperty("madeBy").GetString());
        Assert.Equal("portal:mikkeli.fi", items[1].GetProperty("madeBy").GetString());
        await using var c = await world.App.Db.OpenAsync(TestContext.Current.CancellationToken);
        Assert.Equal(1, await c.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM BookingHistory WHERE ActorKind = 'portal' AND ActorId = 'mikkeli.fi'"));
    }

    [Fact]
    public async Task AnotherAgencysAdminIsRefused()
    {
        await using var world = await BookingWorld.CreateAsync();
        await world.BookOkAsync(world.Booking(BookingWorld.Tuesday(9)));

        var response = await world.App.AgencyAdmin("vero").GetAsync("/api/v1/providers/kela/bookings");

        await response.AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task FiltersByStatusAndPages()
    {
        await using var world = await BookingWorld.CreateAsync();
        for (var hour = 9; hour <= 11; hour++)
        {
            await world.BookOkAsync(world.Booking(new DateTimeOffset(2026, 11, 25, hour, 0, 0, TimeSpan.FromHours(2))));
        }

        var admin = world.App.AgencyAdmin("kela");
        var first = await (await admin.GetAsync("/api/v1/providers/kela/bookings?from=2026-11-25&to=2026-11-25&status=confirmed&limit=2")).ReadJsonAsync(HttpStatusCode.OK);
        var second = await (await admin.GetAsync($"/api/v1/providers/kela/bookings?from=2026-11-25&to=2026-11-25&status=confirmed&limit=2&cursor={first.GetProperty("nextCursor").GetString()}")).ReadJsonAsync(HttpStatusCode.OK);
        var cancelled = await (await admin.GetAsync("/api/v1/providers/kela/bookings?from=2026-11-25&to=2026-11-25&status=cancelled")).ReadJsonAsync(HttpStatusCode.OK);

        Assert.Equal(2, first.GetProperty("items").GetArrayLength());
        Assert.Equal(1, second.GetProperty("items").GetArrayLength());
        Assert.False(second.TryGetProperty("nextCursor", out _));
        Assert.Equal(0, cancelled.GetProperty("items").GetArrayLength());
    }
}
