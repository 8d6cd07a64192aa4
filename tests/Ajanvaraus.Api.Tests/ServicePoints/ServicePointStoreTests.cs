using System.Net;
using System.Net.Http.Json;
using Ajanvaraus.Api.ServicePoints;
using Ajanvaraus.Api.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Ajanvaraus.Api.Tests.ServicePoints;

// The reads other features (availability, bookings) make of a point, on the data the API wrote.
public sealed class ServicePointStoreTests
{
    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task OtherFeaturesReadTimeZoneHoursClosuresAndActiveRooms(Engine engine)
    {
        await using var app = new AjanvarausApp(engine);
        var op = app.Operator();
        var body = PointFixtures.Point("parainen", "445");
        body["timeZone"] = "Europe/Mariehamn";
        body["openingHours"] = new object[]
        {
            new { weekday = 3, opens = "12:00", closes = "15:30" },
            new { weekday = 1, opens = "08:05", closes = "11:55" },
        };
        await op.PointAsync(body);
        foreach (var (first, last) in new[] { ("2026-12-08", "2026-12-08"), ("2026-12-24", "2026-12-26"), ("2027-01-06", "2027-01-06") })
        {
            await (await op.PostAsJsonAsync("/api/v1/service-points/parainen/closures", new { firstDay = first,
                lastDay = last })).ReadJsonAsync(HttpStatusCode.Created);
        }

        var rooms = "/api/v1/service-points/parainen/video-rooms";
        var active = (await (await op.PostAsJsonAsync(rooms,
            new { name = "A" })).ReadJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var retired = (await (await op.PostAsJsonAsync(rooms,
            new { name = "B" })).ReadJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        await (await op.PutAsJsonAsync($"{rooms}/{retired}", new { name = "B", isActive = false })).ReadJsonAsync(HttpStatusCode.OK);

        var store = app.Services.GetRequiredService<ServicePointStore>();
        var closures = app.Services.GetRequiredService<ClosureStore>();
        var ct = TestContext.Current.CancellationToken;

        Assert.Equal("Europe/Mariehamn", (await store.FindAsync("parainen", ct))?.TimeZone);
        Assert.Null(await store.FindAsync("ghost", ct));

        var details = await store.DetailsAsync("parainen", DateTimeOffset.Parse("2026-11-23T08:00:00Z"), ct);
        Assert.Equal(
            [(1, new TimeOnly(8, 5), new TimeOnly(11, 55)), (3, new TimeOnly(12, 0), new TimeOnly(15, 30))],
            details!.OpeningHours.Select(h => (h.Weekday, h.Opens, h.Closes)));

        var december = await closures.ListAsync("parainen", new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 24), ct);
        Assert.Equal([new DateOnly(2026, 12, 8), new DateOnly(2026, 12, 24)], december.Select(c => c.FirstDay));
        Assert.Equal(new DateOnly(2026, 12, 26), december[1].LastDay);
        Assert.Empty(await closures.ListAsync("parainen", new DateOnly(2026, 12, 27), new DateOnly(2027, 1, 5), ct));
        Assert.Empty(await closures.ListAsync("ghost", null, null, ct));

        Assert.Equal([active], details.VideoRooms.Where(r => r.IsActive).Select(r => r.Id));
        Assert.Null(await store.DetailsAsync("ghost", DateTimeOffset.Parse("2026-11-23T08:00:00Z"), ct));
    }

    [Fact]
    public void MunicipalityListHoldsStatisticsFinlandsCodes()
    {
        Assert.True(Municipalities.Count > 300);
        Assert.Equal("S:t Michel", Municipalities.Find("491")?.NameSv);
        Assert.Equal("Helsinki", Municipalities.Find("091")?.NameIn("en"));
        Assert.Equal("Helsingfors", Municipalities.Find("091")?.NameIn("sv"));
        Assert.Null(Municipalities.Find("999"));
    }
}
