using System.Net;
using System.Net.Http.Json;
using Ajanvaraus.Api.Tests.Infrastructure;

namespace Ajanvaraus.Api.Tests.Bookings;

// A channel the service does not offer is the asker's mistake (400 naming `channel`), not a taken time (409).
public sealed class ChannelNotOfferedTests
{
    [Theory]
    [InlineData("video")]
    [InlineData("remote_at_point")]
    public async Task BookingOrHoldingOnAChannelTheServiceDoesNotOfferAnswers400NamingTheChannel(string channel)
    {
        await using var world = await BookingWorld.CreateAsync(otherAgencies: ["vero"]);
        var (service, expert) = world.Agencies["vero"];
        // The expert publishes video and remote times too (for another service, say): the in-person-only service is
        // still not bookable on them.
        var rule = await world.App.AgencyAdmin("vero").PostAsJsonAsync($"/api/v1/experts/{expert}/availability-rules", new
        {
            servicePointId = "mikkeli", channels = new[] { "in_person", "remote_at_point", "video" }, startTime = "13:00",
            endTime = "15:00", recurrence = "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", validFrom = "2026-10-01",
        });
        Assert.Equal(HttpStatusCode.Created, rule.StatusCode);
        var point = channel == "video" ? null : "mikkeli";
        var booking = await world.BookAsync(new
        {
            serviceId = service, start = BookingWorld.Tuesday(13), channel, servicePointId = point,
            customer = new { name = "Maija Meikäläinen", email = "maija@example.fi", language = "fi" },
        });
        await booking.AssertValidationErrorAsync("channel");

        var hold = await world.App.CreateClient().PostAsJsonAsync("/api/v1/holds", new
        {
            serviceId = service, start = BookingWorld.Tuesday(13), channel, servicePointId = point,
        });
        await hold.AssertValidationErrorAsync("channel");
    }
}
