using System.Net;
using System.Text.Json;
using Ajanvaraus.Api.Calendars;
using Ajanvaraus.Api.Tests.Bookings;
using Ical.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Ajanvaraus.Api.Tests.Calendars;

// What a customer's calendar app gets from GET /bookings/{id}/calendar.ics, parsed back as the app would.
public sealed class CalendarFileTests
{
    private static async Task<(HttpResponseMessage Response, Calendar Calendar)> IcsAsync(HttpClient client, JsonElement booking)
    {
        var token = Uri.EscapeDataString(booking.GetProperty("manageToken").GetString()!);
        var response = await client.GetAsync($"/api/v1/bookings/{booking.GetProperty("id").GetGuid()}/calendar.ics?token={token}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (response, Calendar.Load(await response.Content.ReadAsStringAsync())!);
    }

    [Fact]
    public async Task TheFileIsAnAttachmentNamedByTheReferenceWithTheProvidersNoReplyOrganizer()
    {
        await using var world = await BookingWorld.CreateAsync();
        var booking = await world.BookOkAsync(world.Booking(BookingWorld.Tuesday(9)));

        var (response, calendar) = await IcsAsync(world.App.CreateClient(), booking);

        Assert.Equal(
            $"attachment; filename=\"{booking.GetProperty("reference").GetString()}.ics\"",
            Assert.Single(response.Content.Headers.GetValues("Content-Disposition")));
        var ev = Assert.Single(calendar.Events);
        Assert.Equal("mailto:no-reply+kela@ajanvaraus.example", ev.Organizer?.Value?.OriginalString);
        Assert.Equal("Kela", ev.Organizer?.CommonName);
    }

    [Fact]
    public async Task APhoneBookingsLocationSaysByPhoneWithTheNumberTheExpertWillCall()
    {
        await using var world = await BookingWorld.CreateAsync();
        var booking = await world.BookOkAsync(world.Booking(BookingWorld.Tuesday(9), channel: "phone"));
        var number = booking.GetProperty("customer").GetProperty("phone").GetString();

        var ev = Assert.Single((await IcsAsync(world.App.CreateClient(), booking)).Calendar.Events);

        Assert.Equal($"Puhelimitse: asiantuntija soittaa numeroon {number}", ev.Location);
        Assert.Contains($"Puhelimitse: asiantuntija soittaa numeroon {number}", ev.Description);
    }

    [Fact]
    public async Task WithAManageUrlTemplateTheDescriptionCarriesTheLinkWithTheTokenTheFileWasFetchedWith()
    {
        await using var world = await BookingWorld.CreateAsync();
        var booking = await world.BookOkAsync(world.Booking(BookingWorld.Tuesday(9)));
        await using var configured = world.App.WithWebHostBuilder(b =>
            b.UseSetting("Notifications:ManageUrlTemplate", "https://portal.example.fi/book/manage/{id}?token={token}"));

        var ev = Assert.Single((await IcsAsync(configured.CreateClient(), booking)).Calendar.Events);
        var plain = Assert.Single((await IcsAsync(world.App.CreateClient(), booking)).Calendar.Events);

        var token = Uri.EscapeDataString(booking.GetProperty("manageToken").GetString()!);
        Assert.Contains($"Muuta tai peru varaus: https://portal.example.fi/book/manage/{booking.GetProperty("id").GetGuid()}?token={token}", ev.Description);
        Assert.DoesNotContain("https://", plain.Description);
    }

    [Fact]
    public void AManageUrlTemplateThatNeedsTheTokenGivesNoLinkWithoutIt()
    {
        var options = new CalendarOptions { ManageUrlTemplate = "https://p.example.fi/m/{id}?token={token}" };
        var id = Guid.CreateVersion7();

        Assert.Null(options.ManageUrl(id, "ACDE-FGHJ", null));
        Assert.Equal($"https://p.example.fi/m/{id}?token=a%2Bb", options.ManageUrl(id, "ACDE-FGHJ", "a+b"));
        Assert.Equal("https://p.example.fi/r/ACDE-FGHJ",
            new CalendarOptions { ManageUrlTemplate = "https://p.example.fi/r/{reference}" }.ManageUrl(id, "ACDE-FGHJ", null));
    }
}
