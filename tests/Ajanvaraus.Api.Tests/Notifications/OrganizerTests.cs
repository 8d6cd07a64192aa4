using Ajanvaraus.Api.Tests.Bookings;
using Ical.Net;
using static Ajanvaraus.Api.Tests.Notifications.NotificationKit;

namespace Ajanvaraus.Api.Tests.Notifications;

// Issue 24, 5: every copy of a booking's event has one ORGANIZER, or calendar programs refuse the later updates.
public sealed class OrganizerTests
{
    [Fact]
    public async Task TheInvitationTheChangeAndTheBookingsIcsHaveOneOrganizer()
    {
        await using var smtp = new SmtpSink();
        await using var world = await BookingWorld.CreateAsync(settings: smtp.Settings());
        var booking = await world.BookOkAsync(world.Booking(Wednesday(9), customer: Customer("en")));
        var jobs = world.Jobs();
        Assert.Equal(1, await jobs.DispatchBookingAsync(booking.Id(), default));
        var invitation = Assert.Single(CalendarOf(Assert.Single(smtp.Drain())).Events).Organizer!;

        var token = booking.GetProperty("manageToken").GetString()!;
        var ics = await world.App.CreateClient().GetStringAsync($"/api/v1/bookings/{booking.Id()}/calendar.ics?token={token}");
        var download = Assert.Single(Calendar.Load(ics)!.Events).Organizer!;

        await world.RescheduleAsync(booking, Thursday(10));
        Assert.Equal(1, await jobs.DispatchBookingAsync(booking.Id(), default));
        var change = Assert.Single(CalendarOf(Assert.Single(smtp.Drain())).Events).Organizer!;

        Assert.Equal(download.Value, invitation.Value);
        Assert.Equal(download.CommonName, invitation.CommonName);
        Assert.Equal(download.Value, change.Value);
        Assert.Equal(download.CommonName, change.CommonName);
    }
}
