using System.Net;
using System.Text.Json;
using Ajanvaraus.Api.Tests.Bookings;
using Ajanvaraus.Api.Tests.Infrastructure;

namespace Ajanvaraus.Api.Tests.Search;

// Two instances on one database file: each keeps its own index and learns of the other's writes from the change log.
public sealed class IndexFreshnessTests
{
    private static async Task<List<DateTimeOffset>> StartsAsync(AjanvarausApp app, Guid service) =>
        (await (await app.CreateClient().GetAsync(
                $"/api/v1/availability?service={service}&servicePoint=mikkeli&channel=in_person&from=2026-11-24&to=2026-11-24"))
            .ReadJsonAsync(HttpStatusCode.OK))
        .GetProperty("items").EnumerateArray().Select(i => i.GetProperty("start").GetDateTimeOffset()).ToList();

    private static async Task<bool> EventuallyAsync(Func<Task<bool>> condition)
    {
        for (var i = 0; i < 100; i++)
        {
            if (await condition())
            {
                return true;
            }

            await Task.Delay(50);
        }

        return false;
    }

    [Fact]
    public async Task ABookingOnOneInstanceLeavesTheOthersSearchAfterItsPollAndACancelBringsItBack()
    {
        await using var world = await BookingWorld.CreateAsync();
        await using var other = new AjanvarausApp(Engine.Sqlite, new Dictionary<string, string?>
        {
            ["Database:ConnectionString"] = world.App.Db.ConnectionString,
            ["Availability:IndexPollMilliseconds"] = "100",
        }, world.Clock);
        Assert.Contains(BookingWorld.Tuesday(9), await StartsAsync(other, world.ServiceId));

        var booking = await world.BookOkAsync(world.Booking(BookingWorld.Tuesday(9)));
        // The instance that booked knows at once; the other within its poll.
        Assert.DoesNotContain(BookingWorld.Tuesday(9), await StartsAsync(world.App, world.ServiceId));
        Assert.True(await EventuallyAsync(async () => !(await StartsAsync(other, world.ServiceId)).Contains(BookingWorld.Tuesday(9))));

        using var cancel = BookingWorld.WithToken(HttpMethod.Post, $"/api/v1/bookings/{booking.GetProperty("id").GetGuid()}/cancel",
            booking.GetProperty("manageToken").GetString()!);
        Assert.Equal(HttpStatusCode.OK, (await other.CreateClient().SendAsync(cancel)).StatusCode);
        Assert.True(await EventuallyAsync(async () => (await StartsAsync(world.App, world.ServiceId)).Contains(BookingWorld.Tuesday(9))));
    }

    [Fact]
    public async Task ANewExpertPublishedOnOneInstanceIsOfferedByTheOther()
    {
        await using var world = await BookingWorld.CreateAsync();
        await using var other = new AjanvarausApp(Engine.Sqlite, new Dictionary<string, string?>
        {
            ["Database:ConnectionString"] = world.App.Db.ConnectionString,
            ["Availability:IndexPollMilliseconds"] = "100",
        }, world.Clock);
        await world.BookOkAsync(world.Booking(BookingWorld.Tuesday(9)));
        Assert.True(await EventuallyAsync(async () => !(await StartsAsync(other, world.ServiceId)).Contains(BookingWorld.Tuesday(9))));

        var admin = world.App.AgencyAdmin("kela");
        var expert = JsonDocument.Parse(await (await admin.PostAsync("/api/v1/providers/kela/experts", JsonBody(new
        {
            displayName = "Uusi asiantuntija", languages = new[] { "fi" }, serviceIds = new[] { world.ServiceId },
        }))).Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsync($"/api/v1/experts/{expert}/availability-rules", JsonBody(new
        {
            servicePointId = "mikkeli", channels = new[] { "in_person" }, startTime = "09:00", endTime = "12:00",
            recurrence = "FREQ=WEEKLY;BYDAY=TU", validFrom = "2026-10-01",
        }))).StatusCode);

        Assert.True(await EventuallyAsync(async () => (await StartsAsync(other, world.ServiceId)).Contains(BookingWorld.Tuesday(9))));
    }

    private static StringContent JsonBody(object body) =>
        new(JsonSerializer.Serialize(body, JsonSerializerOptions.Web), System.Text.Encoding.UTF8, "application/json");
}
