using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Ajanvaraus.Api.Tests.Infrastructure;
using Microsoft.Playwright;
using static Ajanvaraus.Api.Tests.BookingPage.BookingPageApi;

namespace Ajanvaraus.Api.Tests.BookingPage;

// The booking page in a real browser against the real service: each test walks the flow a citizen would, with axe and
// screenshots at every step (BookingPageSession.StepAsync), and then looks behind the page through the API.
[Collection(BookingPageCollection.Name)]
public sealed class BookingPageFlowTests(BookingPageHost host)
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

        var booking = await host.BookingBehindAsync(page);
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

        var booking = await host.BookingBehindAsync(page);
        Assert.Equal("video", booking.GetProperty("channel").GetString());
        Assert.False(booking.TryGetProperty("servicePointId", out var point) && point.ValueKind != JsonValueKind.Null);
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
        var finnishTime = new Regex(@"^(ma|ti|ke|to|pe) \d{1,2}\.\d{1,2}\. klo \d{1,2}\.\d\d–\d{1,2}\.\d\d$");
        await Expect(page.GetByText(finnishTime)).ToBeVisibleAsync();
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
}
