using System.Net;
using Ajanvaraus.Api.Tests.Bookings;
using Ajanvaraus.Api.Tests.Infrastructure;
using Dapper;
using static Ajanvaraus.Api.Tests.Notifications.NotificationKit;

namespace Ajanvaraus.Api.Tests.Notifications;

public sealed class EmailNotificationTests
{
    [Fact]
    public async Task BookingSendsConfirmationWithInvitationInTheCustomersLanguage()
    {
        await using var smtp = new SmtpSink();
        await using var world = await BookingWorld.CreateAsync(settings: smtp.Settings());
        await using (var c = await world.App.Db.OpenAsync(default))
        {
            const string card = "UPDATE Services SET InstructionsSv = 'Hyresavtalet och lönebesked.' WHERE Id = @Id";
            await c.ExecuteAsync(card, new { Id = world.ServiceId });
        }

        var booking = await world.BookOkAsync(world.Booking(Wednesday(9), customer: Customer("sv")));
        var id = booking.GetProperty("id").GetGuid();
        Assert.Equal(1, await world.Jobs().DispatchBookingAsync(id, default));

        var message = Assert.Single(smtp.Drain());
        var outbox = await world.OutboxAsync($"&bookingId={id}");
        var confirmation = outbox.Single(n => n.GetProperty("kind").GetString() == "confirmation");
        Assert.Equal("sent", confirmation.GetProperty("status").GetString());
        Assert.Equal($"{confirmation.GetProperty("id").GetGuid():N}@ajanvaraus.example", message.MessageId);
        Assert.Equal(2, outbox.Count(n => n.Is("reminder", "email", "pending")));

        Assert.Equal("maija@example.fi", message.To.Mailboxes.Single().Address);
        Assert.StartsWith("Bokningsbekräftelse: Rådgivning om bostadsbidrag", message.Subject);
        var text = message.TextBody!;
        Assert.Contains("onsdag 25.11.2026 kl. 9.00–9.45", text);
        Assert.Contains("S:t Michels servicepunkt, Maaherrankatu 9, 50100 Mikkeli", text);
        Assert.Contains(booking.GetProperty("reference").GetString()!, text);
        Assert.Contains("Hyresavtalet och lönebesked.", text);
        Assert.Contains("Bokningskod", message.HtmlBody);

        // The manage link works: it carries the token the dispatcher could only read decrypted.
        const string label = "Ändra eller avboka: ";
        var link = new Uri(text.Split('\n').Single(l => l.StartsWith(label, StringComparison.Ordinal))[label.Length..]);
        var opened = await world.App.CreateClient().GetAsync(link.PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);

        Assert.Equal("REQUEST", CalendarMethodParameter(message));
        var calendar = CalendarOf(message);
        Assert.Equal("REQUEST", calendar.Method);
        var ev = Assert.Single(calendar.Events);
        Assert.Equal($"{id}@ajanvaraus", ev.Uid);
        Assert.Equal(0, ev.Sequence);
        Assert.Equal("Europe/Helsinki", ev.DtStart!.TzId);
        Assert.Equal(9, ev.DtStart.Value.Hour);
        Assert.Equal(Wednesday(9).UtcDateTime, ev.DtStart.AsUtc);
        Assert.Equal("mailto:no-reply+kela@ajanvaraus.example", ev.Organizer!.Value!.ToString());
        Assert.Equal("mailto:maija@example.fi", Assert.Single(ev.Attendees).Value!.ToString());
        Assert.Contains("bostadsbidrag", ev.Summary);
    }

    [Fact]
    public async Task RemindersAreSentAtTheirOffsetsAndNotBefore()
    {
        await using var smtp = new SmtpSink();
        await using var world = await BookingWorld.CreateAsync(settings: smtp.Settings());
        var booking = await world.BookOkAsync(world.Booking(Wednesday(9), customer: Customer("en")));
        var jobs = world.Jobs();
        Assert.Equal(1, await jobs.DispatchDueAsync(default));
        smtp.Drain();

        world.Advance(Wednesday(9).AddHours(-24).AddSeconds(-1));
        Assert.Equal(0, await jobs.DispatchDueAsync(default));
        world.Advance(Wednesday(9).AddHours(-24));
        Assert.Equal(1, await jobs.DispatchDueAsync(default));
        var dayBefore = Assert.Single(smtp.Drain());
        Assert.StartsWith("Reminder: Housing allowance advice", dayBefore.Subject);
        Assert.Contains("Wednesday 25.11.2026 at 9.00–9.45", dayBefore.TextBody);
        Assert.Contains(booking.GetProperty("reference").GetString()!, dayBefore.TextBody);

        world.Advance(Wednesday(9).AddHours(-2).AddSeconds(-1));
        Assert.Equal(0, await jobs.DispatchDueAsync(default));
        world.Advance(Wednesday(9).AddHours(-2));
        Assert.Equal(1, await jobs.DispatchDueAsync(default));
        Assert.Single(smtp.Drain());
        Assert.Equal(0, await jobs.DispatchDueAsync(default));
    }

    [Fact]
    public async Task AReminderWhoseMomentHasPassedIsNotWritten()
    {
        await using var world = await BookingWorld.CreateAsync();
        // Tuesday 09:00 is 23 hours away: the 24-hour reminder's moment has passed, the 2-hour one has not.
        var booking = await world.BookOkAsync(world.Booking(BookingWorld.Tuesday(9)));
        var outbox = await world.OutboxAsync($"&bookingId={booking.GetProperty("id").GetGuid()}");
        var reminder = Assert.Single(outbox, n => n.Is("reminder", "email"));
        Assert.Equal(BookingWorld.Tuesday(7), reminder.GetProperty("dueAt").GetDateTimeOffset());
        // Without an SMTP host nothing is sent: the messages wait, visible, and the service runs.
        Assert.All(outbox, n => Assert.Equal("pending", n.GetProperty("status").GetString()));
        Assert.Equal(0, await world.Jobs().DispatchDueAsync(default));
    }

    [Fact]
    public async Task ARescheduleSendsAChangeAndMovesTheReminders()
    {
        await using var smtp = new SmtpSink();
        await using var world = await BookingWorld.CreateAsync(settings: smtp.Settings());
        var booking = await world.BookOkAsync(world.Booking(Wednesday(9)));
        var jobs = world.Jobs();
        await jobs.DispatchDueAsync(default);
        smtp.Drain();

        await world.RescheduleAsync(booking, Thursday(10));
        Assert.Equal(1, await jobs.DispatchBookingAsync(booking.GetProperty("id").GetGuid(), default));
        var change = Assert.Single(smtp.Drain());
        Assert.StartsWith("Varaustasi on muutettu", change.Subject);
        Assert.Contains("torstai 26.11.2026 klo 10.00–10.45", change.TextBody);
        var ev = Assert.Single(CalendarOf(change).Events);
        Assert.Equal("REQUEST", CalendarOf(change).Method);
        Assert.Equal($"{booking.GetProperty("id").GetGuid()}@ajanvaraus", ev.Uid);
        Assert.Equal(1, ev.Sequence);
        Assert.Equal(Thursday(10).UtcDateTime, ev.DtStart!.AsUtc);

        // The old time's 24-hour reminder is gone; the new one comes a day before the new time.
        world.Advance(Wednesday(9).AddHours(-24));
        Assert.Equal(0, await jobs.DispatchDueAsync(default));
        world.Advance(Thursday(10).AddHours(-24));
        Assert.Equal(1, await jobs.DispatchDueAsync(default));
        Assert.Contains("torstai 26.11.2026 klo 10.00", Assert.Single(smtp.Drain()).TextBody);
    }

    [Fact]
    public async Task ACancelSendsOneCancellationAndNoReminderAfterIt()
    {
        await using var smtp = new SmtpSink();
        await using var world = await BookingWorld.CreateAsync(settings: smtp.Settings());
        var booking = await world.BookOkAsync(world.Booking(Wednesday(9)));
        var id = booking.GetProperty("id").GetGuid();
        var jobs = world.Jobs();
        await jobs.DispatchDueAsync(default);
        smtp.Drain();

        await world.CancelAsync(booking);
        Assert.Equal(1, await jobs.DispatchBookingAsync(id, default));
        var cancellation = Assert.Single(smtp.Drain());
        Assert.StartsWith("Varaus on peruttu", cancellation.Subject);
        Assert.Equal("CANCEL", CalendarMethodParameter(cancellation));
        var calendar = CalendarOf(cancellation);
        Assert.Equal("CANCEL", calendar.Method);
        var ev = Assert.Single(calendar.Events);
        Assert.Equal($"{id}@ajanvaraus", ev.Uid);
        Assert.Equal(1, ev.Sequence);
        Assert.Equal(Ical.Net.EventStatus.Cancelled, ev.Status);

        world.Advance(Wednesday(9).AddMinutes(-1));
        Assert.Equal(0, await jobs.DispatchDueAsync(default));
        Assert.Empty(smtp.Drain());
        Assert.DoesNotContain(await world.OutboxAsync($"&bookingId={id}"), n => n.GetProperty("kind").GetString() == "reminder");
    }
}
