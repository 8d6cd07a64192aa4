using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Web;
using Ajanvaraus.Api.Tests.Bookings;
using Ajanvaraus.Api.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Ajanvaraus.Api.Tests.BookingPage;

// What the browser tests do beside the page: look behind it through the API, book as another citizen, use the keyboard.
internal static class BookingPageApi
{
    public static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);

    // Presses Tab until the focused element matches the selector: the way a keyboard user reaches it.
    public static async Task TabToAsync(IPage page, string selector)
    {
        for (var i = 0; i < 40; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            if (await page.EvaluateAsync<bool>("s => document.activeElement?.matches(s) ?? false", selector))
            {
                return;
            }
        }

        Assert.Fail($"Tab never reached {selector}.");
    }

    // The booking the confirmation shows, read through the API with the token of its manage link.
    public static async Task<JsonElement> BookingBehindAsync(this BookingPageHost host, IPage page)
    {
        var href = new Uri(host.BaseAddress, await page.Locator("#manage-link").GetAttributeAsync("href"));
        Assert.Matches(@"^/book/manage/[0-9a-f-]{36}$", href.AbsolutePath);
        return await host.GetBookingAsync(Guid.Parse(href.Segments[^1]), HttpUtility.ParseQueryString(href.Query)["token"]!);
    }

    public static async Task<JsonElement> GetBookingAsync(this BookingPageHost host, Guid id, string token)
    {
        using var request = BookingWorld.WithToken(HttpMethod.Get, $"/api/v1/bookings/{id}", token);
        return await (await host.Api().SendAsync(request)).ReadJsonAsync(HttpStatusCode.OK);
    }

    public static async Task<string> ServiceIdAsync(this BookingPageHost host, string name)
    {
        var services = await (await host.Api().GetAsync("/api/v1/services?servicePoint=mikkeli&limit=100"))
            .ReadJsonAsync(HttpStatusCode.OK);
        return services.GetProperty("items").EnumerateArray().First(i => i.GetProperty("name").GetString() == name).GetProperty("id")
            .GetString()!;
    }

    public static async Task<HttpResponseMessage> BookViaApiAsync(this BookingPageHost host, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/bookings") { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        return await host.Api().SendAsync(request);
    }

    // The municipality's desk at Mikkeli, a time at least two days ahead (beyond the 24-hour cut-off).
    public static async Task<(Guid Id, string Token, string Start)> BookTwoDaysAheadAsync(this BookingPageHost host)
    {
        var serviceId = await host.ServiceIdAsync("Kunnan asiointipalvelu");
        var from = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(2).ToString("yyyy-MM-dd");
        var times = await (await host.Api().GetAsync(
            $"/api/v1/availability?service={serviceId}&servicePoint=mikkeli&channel=in_person&from={from}&limit=1"))
            .ReadJsonAsync(HttpStatusCode.OK);
        var start = times.GetProperty("items")[0].GetProperty("start").GetString()!;
        var created = await (await host.BookViaApiAsync(new
        {
            serviceId, start, channel = "in_person", servicePointId = "mikkeli",
            customer = new { name = "Maija Meikäläinen", email = "maija@example.fi", language = "fi" },
        })).ReadJsonAsync(HttpStatusCode.Created);
        return (created.GetProperty("id").GetGuid(), created.GetProperty("manageToken").GetString()!, start);
    }
}

// One service and one browser for every browser test: the classes run one after another, not side by side on 2 cores.
[CollectionDefinition(Name)]
public sealed class BookingPageCollection : ICollectionFixture<BookingPageHost>
{
    public const string Name = "Booking page in a browser";
}
