using System.Net;
using System.Net.Http.Json;
using Ajanvaraus.Api.Hosting;
using Ajanvaraus.Api.Tests.Bookings;
using Ajanvaraus.Api.Tests.Infrastructure;

namespace Ajanvaraus.Api.Tests.Hosting;

// One cursor rule on every list: a cursor that does not decode, or that another list made, answers 400 naming `cursor`.
public sealed class CursorTests
{
    // Every paged list of the service, with the query it needs besides the cursor.
    public static readonly TheoryData<string> Lists = new()
    {
        "/api/v1/providers?",
        "/api/v1/service-points?",
        "/api/v1/services?",
        "/api/v1/providers/kela/services?",
        "/api/v1/providers/kela/experts?",
        "/api/v1/experts/{expert}/availability-rules?",
        "/api/v1/experts/{expert}/absences?",
        "/api/v1/providers/kela/conflicts?",
        "/api/v1/providers/kela/bookings?",
        "/api/v1/availability?servicePoint=mikkeli&from=2026-11-24&to=2026-11-25&service={service}&",
    };

    [Theory]
    [MemberData(nameof(Lists))]
    public async Task ACursorThatDoesNotDecodeAnswers400NamingCursor(string list)
    {
        await using var world = await BookingWorld.CreateAsync();
        foreach (var cursor in new[] { "not-a-cursor!", "%25%25", "bm90LWEtZ3VpZA", "_-_-" })
        {
            var response = await world.App.AgencyAdmin("kela").GetAsync(Url(world, list) + "cursor=" + cursor);
            await response.AssertValidationErrorAsync("cursor");
        }
    }

    [Theory]
    [MemberData(nameof(Lists))]
    public async Task AnotherListsCursorAnswers400NamingCursor(string list)
    {
        await using var world = await BookingWorld.CreateAsync();
        var admin = world.App.AgencyAdmin("kela");
        // A key that would parse on every list (a GUID after a start time), under a list name that is none of them.
        var foreign = new ListCursor("elsewhere").Encode($"{BookingWorld.Now.UtcTicks:D20}|{world.Expert}");
        await (await admin.GetAsync(Url(world, list) + "cursor=" + foreign)).AssertValidationErrorAsync("cursor");
        var wrongKey = new ListCursor(list.Contains("/providers?") ? "service-points" : "providers").Encode("kela");
        await (await admin.GetAsync(Url(world, list) + "cursor=" + wrongKey)).AssertValidationErrorAsync("cursor");
    }

    [Fact]
    public async Task TheProvidersNextCursorIsRefusedByTheServicePointsList()
    {
        await using var world = await BookingWorld.CreateAsync();
        await world.App.Operator().PostAsJsonAsync("/api/v1/providers", new { id = "vero", names = new { fi = "Vero", sv = "Skatt",
            en = "Tax" } });
        var page = await (await world.App.CreateClient().GetAsync("/api/v1/providers?limit=1")).ReadJsonAsync(HttpStatusCode.OK);
        var next = page.GetProperty("nextCursor").GetString();

        Assert.Equal(HttpStatusCode.OK, (await world.App.CreateClient().GetAsync($"/api/v1/providers?limit=1&cursor={next}")).StatusCode);
        var refused = await world.App.CreateClient().GetAsync($"/api/v1/service-points?limit=1&cursor={next}");
        await refused.AssertValidationErrorAsync("cursor");
    }

    private static string Url(BookingWorld world, string list) =>
        list.Replace("{expert}", world.Expert.ToString()).Replace("{service}", world.ServiceId.ToString());
}
