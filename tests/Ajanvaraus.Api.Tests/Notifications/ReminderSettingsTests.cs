using Ajanvaraus.Api.Tests.Bookings;
using static Ajanvaraus.Api.Tests.Notifications.NotificationKit;

namespace Ajanvaraus.Api.Tests.Notifications;

// Issue 24: a message is dated when it goes, and the configured reminder list is the whole list.
public sealed class ReminderSettingsTests
{
    [Fact]
    public async Task AReminderIsDatedTheMomentItIsSentNotWhenTheBookingWasMade()
    {
        await using var smtp = new SmtpSink();
        await using var world = await BookingWorld.CreateAsync(settings: smtp.Settings());
        await world.BookOkAsync(world.Booking(Wednesday(9)));
        var jobs = world.Jobs();

        world.Advance(Wednesday(9).AddHours(-24));
        Assert.Equal(2, await jobs.DispatchDueAsync(default));
        var messages = smtp.Drain();
        Assert.All(messages, m => Assert.Equal(Wednesday(9).AddHours(-24), m.Date));
    }

    [Fact]
    public async Task AConfirmationSentLateAfterAnOutageIsDatedWhenItWentOut()
    {
        await using var smtp = new SmtpSink();
        await using var world = await BookingWorld.CreateAsync(settings: smtp.Settings());
        await world.BookOkAsync(world.Booking(Wednesday(9)));

        world.Clock.Advance(TimeSpan.FromMinutes(47));
        Assert.Equal(1, await world.Jobs().DispatchDueAsync(default));
        Assert.Equal(BookingWorld.Now.AddMinutes(47), Assert.Single(smtp.Drain()).Date);
    }

    [Fact]
    public async Task ConfiguredReminderMinutesReplaceTheDefaults()
    {
        await using var world = await BookingWorld.CreateAsync(settings: new Dictionary<string, string?>
        {
            ["Notifications:ReminderMinutes:0"] = "30",
        });
        var booking = await world.BookOkAsync(world.Booking(Wednesday(9)));
        var outbox = await world.OutboxAsync($"&bookingId={booking.Id()}");
        var reminder = Assert.Single(outbox, n => n.Is("reminder", "email"));
        Assert.Equal(Wednesday(9).AddMinutes(-30), reminder.GetProperty("dueAt").GetDateTimeOffset());
    }

    [Fact]
    public async Task AnEmptyReminderListMeansNoReminders()
    {
        await using var world = await BookingWorld.CreateAsync(settings: new Dictionary<string, string?>
        {
            ["Notifications:ReminderMinutes"] = "",
        });
        var booking = await world.BookOkAsync(world.Booking(Wednesday(9)));
        var outbox = await world.OutboxAsync($"&bookingId={booking.Id()}");
        Assert.DoesNotContain(outbox, n => n.Is("reminder"));
        Assert.Single(outbox, n => n.Is("confirmation", "email"));
    }
}
