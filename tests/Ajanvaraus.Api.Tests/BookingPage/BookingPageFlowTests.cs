using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Web;
using Ajanvaraus.Api.Tests.Bookings;
using Ajanvaraus.Api.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Ajanvaraus.Api.Tests.BookingPage;

// The booking page in a real browser against the real service: each test walks the flow a citizen would, with axe and
// screenshots at every step (BookingPageSession.StepAsync), and then looks behind the page through the API.
public sealed class BookingPageFlowTests(BookingPageHost host) : IClassFixture<BookingPageHost>
{
    [Fact]
    public async Task BooksInPersonAtMikkeliInSwedish()
    {
        await using var s = await host.OpenAsync("/book?servicePoint=mikkeli&lang=sv", "sv-mikkeli");
        var page = s.Page;
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Välj tjänst" })).ToBeVisibleAsync();
        Assert.Equal("sv", await page.GetAttributeAsync("html", "lang"));
        await s.StepAsync("service");

        await page.GetByRole(AriaRole.Button, new() { Name = "Rådgivning om bostadsbidrag" }).ClickAsync();
        await s.StepAsync("where");
        await page.GetByRole(AriaRole.Button, new() { Name = "S:t Michels samservicepunkt: Besök vid servicestället" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Välj tid" })).ToBeVisibleAsync();
        await s.StepAsync("time");

        var first = page.Locator("button.time").First;
        var label = await first.TextContentAsync();
        Assert.Matches(@"^(måndag|tisdag|onsdag|torsdag|fredag) \d{1,2}\.\d{1,2}\.20\d\d kl\. \d{1,2}\.\d\d, \d+ sakkunnig", label);
        await first.ClickAsync();
        await Expect(page.GetByText(new Regex(@"Tiden (mån|tis|ons|tors|fre) \d{1,2}\.\d{1,2} kl\. \d{1,2}\.\d\d är reserverad")))
            .ToBeVisibleAsync();
        await s.StepAsync("details");

        await page.GetByLabel("Namn").FillAsync("Sara Svensson");
        await page.GetByLabel("E-post").FillAsync("sara@example.fi");
        await page.GetByRole(AriaRole.Button, new() { Name = "Bekräfta bokningen" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Tiden är bokad" })).ToBeVisibleAsync();
        await Expect(page.GetByText("Maaherrankatu 9, 50100 Mikkeli")).ToBeVisibleAsync();
        await s.StepAsync("confirmation");

        var booking = await BookingBehindAsync(page);
        Assert.Equal("in_person", booking.GetProperty("channel").GetString());
        Assert.Equal("mikkeli", booking.GetProperty("servicePointId").GetString());
        Assert.Equal("sv", booking.GetProperty("customer").GetProperty("language").GetString());
        Assert.Equal(await page.Locator(".reference").TextContentAsync(), booking.GetProperty("reference").GetString());
        var ics = await page.RunAndWaitForDownloadAsync(() => page.Locator("#ics-link").ClickAsync());
        Assert.Contains("BEGIN:VCALENDAR", await File.ReadAllTextAsync((await ics.PathAsync())!));
    }

    [Fact]
    public async Task BooksAnyExpertByVideo()
    {
        await using var s = await host.OpenAsync("/book?provider=kela&lang=en", "en-video");
        var page = s.Page;
        await page.GetByRole(AriaRole.Button, new() { Name = "Housing allowance advice" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Video meeting from home" }).ClickAsync();
        var first = page.Locator("button.time").First;
        await Expect(first).ToContainTextAsync(new Regex(@"\d+ experts? free"));
        await s.StepAsync("time");
        await first.ClickAsync();
        await page.GetByLabel("Name").FillAsync("Emma English");
        await page.GetByLabel("E-mail").FillAsync("emma@example.fi");
        await page.GetByLabel("Language of service").SelectOptionAsync("en");
        await page.GetByRole(AriaRole.Button, new() { Name = "Confirm the booking" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your appointment is booked" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "https://video.ajanvaraus.example/meet/" })).ToBeVisibleAsync();
        await s.StepAsync("confirmation");

        var booking = await BookingBehindAsync(page);
        Assert.Equal("video", booking.GetProperty("channel").GetString());
        Assert.False(booking.TryGetProperty("servicePointId", out var point) && point.ValueKind != JsonValueKind.Null);
    }

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
        var serviceId = await ServiceIdAsync("Passi ja henkilökortti");

        var other = await BookViaApiAsync(new
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
    public async Task KeyboardAloneBooksAnAppointment()
    {
        await using var s = await host.OpenAsync("/book?servicePoint=mikkeli&lang=fi", "fi-keyboard");
        var page = s.Page;
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Valitse palvelu" })).ToBeVisibleAsync();
        await TabToAsync(page, "#service-search");
        await page.Keyboard.TypeAsync("kunnan");
        await TabToAsync(page, "button.choice");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Valitse asiointitapa ja paikka" })).ToBeFocusedAsync();
        await TabToAsync(page, "button.choice");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Valitse aika" })).ToBeFocusedAsync();
        await TabToAsync(page, "#next-free-day");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("#times-heading")).ToBeFocusedAsync();
        await TabToAsync(page, "button.time");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Yhteystietosi" })).ToBeFocusedAsync();

        // Sent without a name: the API's own field error is shown at the field and the summary takes the focus.
        await TabToAsync(page, "#email");
        await page.Keyboard.TypeAsync("matti@example.fi");
        await TabToAsync(page, "button[type=submit]");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("#error-summary")).ToBeFocusedAsync();
        await Expect(page.Locator("#name")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(page.Locator("#name-error")).ToBeVisibleAsync();
        await s.StepAsync("field-error");

        await TabToAsync(page, "#name");
        await page.Keyboard.TypeAsync("Matti Meikäläinen");
        await TabToAsync(page, "button[type=submit]");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Aika on varattu" })).ToBeFocusedAsync();
        await Expect(page.GetByText(new Regex(@"^(ma|ti|ke|to|pe) \d{1,2}\.\d{1,2}\. klo \d{1,2}\.\d\d–\d{1,2}\.\d\d$"))).ToBeVisibleAsync();
    }

    [Fact]
    public async Task ManageReschedulesAndCancelsEachAfterAConfirmation()
    {
        SkipUnlessBrowser();
        var (id, token, start) = await BookTwoDaysAheadAsync();
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
        Assert.Equal(start, (await GetAsync(id, token)).GetProperty("start").GetString());
        await s.StepAsync("reschedule-confirm");
        await page.GetByRole(AriaRole.Button, new() { Name = "Kyllä, siirrä" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Varaus on siirretty");
        Assert.Equal(DateTimeOffset.Parse(newStart), (await GetAsync(id, token)).GetProperty("start").GetDateTimeOffset());

        await page.GetByRole(AriaRole.Button, new() { Name = "Peru varaus" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Haluatko varmasti perua" })).ToBeVisibleAsync();
        Assert.Equal("confirmed", (await GetAsync(id, token)).GetProperty("status").GetString());
        await s.StepAsync("cancel-confirm");
        await page.GetByRole(AriaRole.Button, new() { Name = "Kyllä, peru varaus" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Varaus on peruttu");
        await Expect(page.GetByText("Peruttu", new() { Exact = true })).ToBeVisibleAsync();
        Assert.Equal("cancelled", (await GetAsync(id, token)).GetProperty("status").GetString());
        await s.StepAsync("cancelled");
    }

    [Fact]
    public async Task AMunicipalitysPageEmbedsItWithOneIframeThatSizesItself()
    {
        await using var s = await host.OpenAsync("", "embed");
        var page = s.Page;
        var book = new Uri(host.BaseAddress, "/book?servicePoint=mikkeli&lang=sv");
        // The municipality's own site, answered by the browser itself: another origin (localhost, not 127.0.0.1) than the
        // service. (A routed page counts as public to chromium; the host turns its local-network checks off.)
        var site = $"http://localhost:{host.BaseAddress.Port}/kunta.html";
        await page.Context.RouteAsync(site, route => route.FulfillAsync(new RouteFulfillOptions
        {
            ContentType = "text/html",
            Body = $"""
                <!doctype html><html lang="sv"><head><title>Pargas stad</title></head><body><h1>Boka tid</h1>
                <iframe src="{book}" title="Tidsbokning" style="width:100%;border:0"></iframe>
                <script src="{new Uri(host.BaseAddress, "/book/embed.js")}"></script></body></html>
                """,
        }));
        await page.GotoAsync(site);

        var frame = page.FrameLocator("iframe");
        await Expect(frame.GetByRole(AriaRole.Heading, new() { Name = "Välj tjänst" })).ToBeVisibleAsync();
        await Expect(page.Locator("iframe")).ToHaveAttributeAsync("style", new Regex(@"height: (\d{4}|[5-9]\d\d)px"));
        var before = await page.Locator("iframe").EvaluateAsync<int>("f => f.offsetHeight");
        await frame.GetByRole(AriaRole.Searchbox).FillAsync("passet");
        await Expect(page.Locator("iframe")).Not.ToHaveAttributeAsync("style", new Regex($@"height: {before}px"));
        Assert.True(await page.Locator("iframe").EvaluateAsync<int>("f => f.offsetHeight") < before);
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
            Body = """{"title":"One or more validation errors occurred.","status":400,"errors":{"holdId":["No hold with this id and token."]}}""",
        }));
        await page.GetByLabel("Name").FillAsync("Emma English");
        await page.GetByLabel("E-mail").FillAsync("emma@example.fi");
        await page.GetByRole(AriaRole.Button, new() { Name = "Confirm the booking" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Your hold on the time expired (10 min)");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Choose a time" })).ToBeFocusedAsync();
    }

    private void SkipUnlessBrowser() => host.SkipUnlessAvailable();

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);

    // Presses Tab until the focused element matches the selector: the way a keyboard user reaches it.
    private static async Task TabToAsync(IPage page, string selector)
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
    private async Task<JsonElement> BookingBehindAsync(IPage page)
    {
        var href = new Uri(host.BaseAddress, await page.Locator("#manage-link").GetAttributeAsync("href"));
        Assert.Matches(@"^/book/manage/[0-9a-f-]{36}$", href.AbsolutePath);
        return await GetAsync(Guid.Parse(href.Segments[^1]), HttpUtility.ParseQueryString(href.Query)["token"]!);
    }

    private async Task<JsonElement> GetAsync(Guid id, string token)
    {
        using var request = BookingWorld.WithToken(HttpMethod.Get, $"/api/v1/bookings/{id}", token);
        return await (await host.Api().SendAsync(request)).ReadJsonAsync(HttpStatusCode.OK);
    }

    private async Task<string> ServiceIdAsync(string name)
    {
        var services = await (await host.Api().GetAsync("/api/v1/services?servicePoint=mikkeli&limit=100")).ReadJsonAsync(HttpStatusCode.OK);
        return services.GetProperty("items").EnumerateArray().First(i => i.GetProperty("name").GetString() == name).GetProperty("id")
            .GetString()!;
    }

    // The municipality's desk at Mikkeli, a time at least two days ahead (beyond the 24-hour cut-off).
    private async Task<(Guid Id, string Token, string Start)> BookTwoDaysAheadAsync()
    {
        var serviceId = await ServiceIdAsync("Kunnan asiointipalvelu");
        var from = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(2).ToString("yyyy-MM-dd");
        var times = await (await host.Api().GetAsync(
            $"/api/v1/availability?service={serviceId}&servicePoint=mikkeli&channel=in_person&from={from}&limit=1")).ReadJsonAsync(HttpStatusCode.OK);
        var start = times.GetProperty("items")[0].GetProperty("start").GetString()!;
        var created = await (await BookViaApiAsync(new
        {
            serviceId, start, channel = "in_person", servicePointId = "mikkeli",
            customer = new { name = "Maija Meikäläinen", email = "maija@example.fi", language = "fi" },
        })).ReadJsonAsync(HttpStatusCode.Created);
        return (created.GetProperty("id").GetGuid(), created.GetProperty("manageToken").GetString()!, start);
    }

    private async Task<HttpResponseMessage> BookViaApiAsync(object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/bookings") { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        return await host.Api().SendAsync(request);
    }
}
