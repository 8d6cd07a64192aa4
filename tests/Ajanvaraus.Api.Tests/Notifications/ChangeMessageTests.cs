using System.Net;
using Ajanvaraus.Api.Tests.Bookings;
using Ajanvaraus.Api.Tests.Infrastructure;
using static Ajanvaraus.Api.Tests.Notifications.NotificationKit;

namespace Ajanvaraus.Api.Tests.Notifications;

// Issue 24, 11: a change message says what changed; a remote_at_point message says where the video equipment is.
public sealed class ChangeMessageTests
{
    [Fact]
    public async Task AMoveSaysTheOldAndTheNewTime()
    {
        await using var smtp = new SmtpSink();
        await using var world = await BookingWorld.CreateAsync(settings: smtp.Settings());
        var booking = await world.BookOkAsync(world.Booking(Wednesday(9), customer: Customer("en")));
        await world.Jobs().DispatchDueAsync(default);
        smtp.Drain();

        await world.RescheduleAsync(booking, Thursday(10));
        Assert.Equal(1, await world.Jobs().DispatchBookingAsync(booking.Id(), default));
        var text = Assert.Single(smtp.Drain()).TextBody;
        Assert.Contains("New time: Thursday 26.11.2026 at 10.00–10.45", text);
        Assert.Contains("Previous time: Wednesday 25.11.2026 at 9.00–9.45", text);
        Assert.Contains("Appointment type: In person", text);
    }

    [Fact]
    public async Task AChangeOfChannelAtTheSameTimeSaysFromWhichToWhich()
    {
        await using var smtp = new SmtpSink();
        await using var world = await BookingWorld.CreateAsync(settings: smtp.Settings());
        var booking = await world.BookOkAsync(world.Booking(Wednesday(9), customer: Customer("fi")));
        await world.Jobs().DispatchDueAsync(default);
        smtp.Drain();

        using var request = BookingWorld.WithToken(
            HttpMethod.Post, $"/api/v1/bookings/{booking.Id()}/reschedule", booking.GetProperty("manageToken").GetString()!,
            new { expertId = world.Expert, start = Wednesday(9), channel = "video" });
        await (await world.App.CreateClient().SendAsync(request)).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(1, await world.Jobs().DispatchBookingAsync(booking.Id(), default));
        var text = Assert.Single(smtp.Drain()).TextBody!;
        Assert.Contains("Varauksesi asiointitapaa on muutettu.", text);
        Assert.Contains("Asiointitapa: Käyntiasiointi → Videotapaaminen", text);
        Assert.Contains("Milloin: keskiviikko 25.11.2026 klo 9.00–9.45", text);
        Assert.DoesNotContain("Aiempi aika", text);
    }

    [Fact]
    public async Task ARemoteAtPointConfirmationSaysTheMeetingIsOnThePointsVideoEquipmentAndWhere()
    {
        await using var smtp = new SmtpSink();
        await using var world = await BookingWorld.CreateAsync(settings: smtp.Settings());
        var booking = await world.BookOkAsync(world.Booking(Wednesday(9), channel: "remote_at_point", customer: Customer("en")));
        Assert.Equal(1, await world.Jobs().DispatchBookingAsync(booking.Id(), default));
        var text = Assert.Single(smtp.Drain()).TextBody;
        Assert.Contains(
            "Where: You meet the expert by video on the service point's remote-service equipment: "
            + "Mikkeli service point, Maaherrankatu 9, 50100 Mikkeli (room Etäpalveluhuone 1)", text);
        Assert.Contains("Appointment type: Remote service at the service point", text);
    }
}
