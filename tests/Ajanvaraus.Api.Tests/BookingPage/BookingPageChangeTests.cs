using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Ajanvaraus.Api.Tests.Infrastructure;
using Microsoft.Playwright;
using static Ajanvaraus.Api.Tests.BookingPage.BookingPageApi;

namespace Ajanvaraus.Api.Tests.BookingPage;

// Changing course in the browser: a time taken meanwhile, errors to act on, and the manage page's move and cancel.
[Collection(BookingPageCollection.Name)]
public sealed class BookingPageChangeTests(BookingPageHost host)
{
    [Fact]
    public async Task ATimeTakenMeanwhileSaysSoAndShowsTheNextFreeTimes()
    {
        // The police's passport desk at Mikkeli has one expert: another citizen's booking takes the time whole.
        await using var s = await host.OpenAsync("/book?servicePoint=mikkeli&lang=fi", "fi-409");
        var page = s.Page;
        await page.GetByRole(AriaRole.Button, new() { Name = "Passi ja henkilökortti" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Mikkelin yhteispalvelupiste: Käynti" }).ClickAsync();
        var first = page.Locator("button.time").First;
        var start = (await first.GetAttributeAsync("data-start"))!;
        var serviceId = await host.ServiceIdAsync("Passi ja henkilökortti");

        var other = await host.BookViaApiAsync(new
        {
            serviceId, start, channel = "in_person", servicePointId = "mikkeli",
            customer = new { name = "Toinen Asiakas", email = "toinen@example.fi", language = "fi" },
        });
        Assert.Equal(HttpStatusCode.Created, other.StatusCode);

        await first.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Joku ehti varata tämän ajan");
        await Expect(page.Locator($"button.time[data-start='{start}']")).ToHaveCountAsync(0);
        await s.StepAsync("taken");

        // Choosing a time holds it; going back releases it, so anyone may book it at once.
        var next = page.Locator("button.time").First;
        var nextStart = (await next.GetAttributeAsync("data-start"))!;
        await next.ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Takaisin" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Valitse aika" })).ToBeVisibleAsync();
        var after = await host.Api().PostAsJsonAsync("/api/v1/holds", new { serviceId, start = nextStart, channel = "in_person",
            servicePointId = "mikkeli" });
        Assert.Equal(HttpStatusCode.Created, after.StatusCode);
    }

    [Fact]
    public async Task ARateLimitSaysWhenToTryAgainAndAnExpiredHoldIsExplained()
    {
        await using var s = await host.OpenAsync("/book/accessibility?lang=en", "en-errors");
        var page = s.Page;
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Accessibility statement" })).ToBeVisibleAsync();
        await s.StepAsync("statement");

        await page.GetByRole(AriaRole.Link, new() { Name = "Back to booking" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Municipal customer service" }).First.ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Visit at the service point" }).First.ClickAsync();
        // The answers a busy service and a purged hold give, put in the page's way by the browser.
        await page.RouteAsync("**/api/v1/holds", route => route.FulfillAsync(new RouteFulfillOptions
        {
            Status = 429, ContentType = "application/problem+json", Headers = new Dictionary<string, string> { ["Retry-After"] = "30" },
            Body = """{"title":"Too many requests","status":429}""",
        }));
        await page.Locator("button.time").First.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("Too many requests. Try again in 30 seconds.");
        await s.StepAsync("rate-limited");

        await page.UnrouteAsync("**/api/v1/holds");
        await page.Locator("button.time").First.ClickAsync();
        await page.RouteAsync("**/api/v1/bookings", route => route.FulfillAsync(new RouteFulfillOptions
        {
            Status = 400, ContentType = "application/problem+json",
            Body = """
                {"title":"One or more validation errors occurred.","status":400,"errors":{"holdId":["No hold with this id and token."]}}
                """,
        }));
        await page.GetByLabel("Name").FillAsync("Emma English");
        await page.GetByLabel("E-mail").FillAsync("emma@example.fi");
        await page.GetByRole(AriaRole.Button, new() { Name = "Confirm the booking" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Your hold on the time expired (10 min)");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Choose a time" })).ToBeFocusedAsync();
    }

    [Fact]
    public async Task ManageReschedulesAndCancelsEachAfterAConfirmation()
    {
        host.SkipUnlessAvailable();
        var (id, token, start) = await host.BookTwoDaysAheadAsync();
        await using var s = await host.OpenAsync($"/book/manage/{id}?token={Uri.EscapeDataString(token)}&lang=fi", "fi-manage");
        var page = s.Page;
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Varauksesi" })).ToBeVisibleAsync();
        await s.StepAsync("manage");

        await page.GetByRole(AriaRole.Button, new() { Name = "Muuta aikaa" }).ClickAsync();
        var days = page.Locator("#day-select option");
        await page.Locator("#day-select").SelectOptionAsync((await days.Last.GetAttributeAsync("value"))!);
        var target = page.Locator("button.time").First;
        var newStart = (await target.GetAttributeAsync("data-start"))!;
        await s.StepAsync("reschedule-time");
        await target.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Siirretäänkö varaus" })).ToBeVisibleAsync();
        Assert.Equal(start, (await host.GetBookingAsync(id, token)).GetProperty("start").GetString());
        await s.StepAsync("reschedule-confirm");
        await page.GetByRole(AriaRole.Button, new() { Name = "Kyllä, siirrä" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Varaus on siirretty");
        Assert.Equal(DateTimeOffset.Parse(newStart), (await host.GetBookingAsync(id, token)).GetProperty("start").GetDateTimeOffset());

        await page.GetByRole(AriaRole.Button, new() { Name = "Peru varaus" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Haluatko varmasti perua" })).ToBeVisibleAsync();
        Assert.Equal("confirmed", (await host.GetBookingAsync(id, token)).GetProperty("status").GetString());
        await s.StepAsync("cancel-confirm");
        await page.GetByRole(AriaRole.Button, new() { Name = "Kyllä, peru varaus" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Varaus on peruttu");
        await Expect(page.GetByText("Peruttu", new() { Exact = true })).ToBeVisibleAsync();
        Assert.Equal("cancelled", (await host.GetBookingAsync(id, token)).GetProperty("status").GetString());
        await s.StepAsync("cancelled");
    }
}
