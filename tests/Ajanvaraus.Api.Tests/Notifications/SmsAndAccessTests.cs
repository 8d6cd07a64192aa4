using System.Net;
using Ajanvaraus.Api.Bookings;
using Ajanvaraus.Api.Notifications;
using Ajanvaraus.Api.Tests.Bookings;
using Ajanvaraus.Api.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static Ajanvaraus.Api.Tests.Notifications.NotificationKit;

namespace Ajanvaraus.Api.Tests.Notifications;

public sealed class SmsAndAccessTests
{
    [Fact]
    public async Task SmsGoesToTheGatewayInTheCustomersLanguageAndTheReminderFitsOneMessage()
    {
        await using var gateway = new SmsSink();
        await using var world = await BookingWorld.CreateAsync(settings: new Dictionary<string, string?>
        {
            ["Notifications:Sms:Url"] = gateway.Url,
            ["Notifications:Sms:AuthorizationHeader"] = "Bearer gateway-secret",
        });
        var booking = await world.BookOkAsync(world.Booking(Wednesday(9), customer: Customer("fi", email: null, phone: "040 123 4567")));
        var reference = booking.GetProperty("reference").GetString()!;
        var jobs = world.Jobs();
        Assert.Equal(1, await jobs.DispatchBookingAsync(booking.GetProperty("id").GetGuid(), default));

        Assert.True(gateway.Received.TryDequeue(out var confirmation));
        Assert.Equal("Bearer gateway-secret", confirmation.Authorization);
        Assert.Equal("+358401234567", confirmation.Body.GetProperty("to").GetString());
        Assert.Equal(reference, confirmation.Body.GetProperty("reference").GetString());
        var text = confirmation.Body.GetProperty("text").GetString();
        Assert.StartsWith($"Varattu: {reference} ke 25.11. 9.00 Mikkelin asiointipiste http", text);

        world.Advance(Wednesday(9).AddHours(-2));
        Assert.Equal(2, await jobs.DispatchDueAsync(default));
        var texts = gateway.Received.Select(r => r.Body.GetProperty("text").GetString()!).ToList();
        Assert.All(texts, text => Assert.DoesNotContain("Varattu", text));
        Assert.Equal(2, texts.Count);
        Assert.All(texts, text =>
        {
            Assert.True(Gsm7.Length(text) <= 160, $"{Gsm7.Length(text)} characters: {text}");
            Assert.Contains($"{reference} ke 25.11. 9.00", text);
            Assert.Contains($"/book/manage/{booking.GetProperty("id").GetGuid()}?token=", text);
        });
    }

    [Fact]
    public async Task ARepeatedBookingRequestWritesItsMessagesOnceAndALostRaceWritesNone()
    {
        await using var world = await BookingWorld.CreateAsync();
        var body = world.Booking(Wednesday(9));
        var first = await (await world.BookAsync(body, key: "same")).ReadJsonAsync(HttpStatusCode.Created);
        await (await world.BookAsync(body, key: "same")).ReadJsonAsync(HttpStatusCode.Created);
        await (await world.BookAsync(world.Booking(Wednesday(9)))).AssertProblemAsync(HttpStatusCode.Conflict);

        var outbox = await world.OutboxAsync();
        Assert.All(outbox, n => Assert.Equal(first.Id(), n.GetProperty("bookingId").GetGuid()));
        Assert.Equal(["email", "sms"], outbox.Where(n => n.Is("confirmation")).Select(n => n.GetProperty("channel").GetString()).Order());
        Assert.Equal(4, outbox.Count(n => n.Is("reminder")));
    }

    [Fact]
    public async Task ABookingIsAnsweredEvenWhenItsDispatchCannotBeEnqueued()
    {
        // A configured channel: only then does a booking enqueue its dispatch.
        await using var world = await BookingWorld.CreateAsync(settings: new Dictionary<string, string?>
        {
            ["Notifications:Smtp:Host"] = "127.0.0.1", ["Notifications:Smtp:Port"] = SmtpSink.FreePort().ToString(),
        });
        // Another app in this process points Hangfire's process-wide log provider at its own logger factory and then
        // disposes it: building a job client fails from then on (as a broken job storage would).
        await using (var other = new AjanvarausApp())
        {
            _ = other.CreateClient();
            _ = other.Services.GetRequiredService<Hangfire.IBackgroundJobClient>();
        }

        var booking = await world.BookOkAsync(world.Booking(Wednesday(9)));
        Assert.Contains(await world.OutboxAsync(), n => n.Is("confirmation", "email", "pending"));
        Assert.Equal(booking.Id(), (await world.OutboxAsync()).First().GetProperty("bookingId").GetGuid());
    }

    [Fact]
    public async Task WithNotificationsSwitchedOffABookingItsMoveAndItsCancelWriteNoMessage()
    {
        await using var smtp = new SmtpSink();
        await using var world = await BookingWorld.CreateAsync(settings: smtp.Settings(new Dictionary<string, string?>
        {
            ["Notifications:Enabled"] = "false",
        }));

        var booking = await world.BookOkAsync(world.Booking(Wednesday(9), customer: Customer(phone: "040 123 4567")));
        await world.RescheduleAsync(booking, Wednesday(10));
        await world.CancelAsync(booking);

        Assert.Empty(await world.OutboxAsync());
        Assert.Equal(0, await world.Jobs().DispatchDueAsync(default));
        Assert.Empty(smtp.Drain());
    }

    [Fact]
    public async Task ACustomerWithNeitherEmailNorPhoneGetsOneUnaddressedRowAndNoReminders()
    {
        await using var world = await BookingWorld.CreateAsync();
        var outbox = world.App.Services.GetRequiredService<Outbox>();
        var row = new BookingRow
        {
            Id = Guid.NewGuid(), CustomerName = "Walk-in", Channel = "in_person",
            StartsAt = Wednesday(9), EndsAt = Wednesday(9).AddMinutes(45),
        };

        var rows = outbox.Rows(row, MessageKinds.Confirmation, world.Clock.GetUtcNow()).ToList();

        var only = Assert.Single(rows);
        Assert.Equal(("none", MessageStatus.Unaddressed), (only.Channel, only.Status));
        var reachable = row with { CustomerEmail = "a@example.fi", CustomerPhone = "+358401234567" };
        var both = outbox.Rows(reachable, MessageKinds.Confirmation, world.Clock.GetUtcNow());
        Assert.Equal(6, both.Count());
    }

    [Fact]
    public async Task OnlyOperatorsSeeTheOutboxAndTheJobDashboard()
    {
        await using var world = await BookingWorld.CreateAsync();
        var anonymous = world.App.CreateClient();
        var admin = world.App.AgencyAdmin("kela");
        var op = world.App.Operator();

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/notifications")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.GetAsync("/api/v1/notifications")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/hangfire")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.GetAsync("/hangfire")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await op.GetAsync("/hangfire")).StatusCode);
        await (await op.GetAsync("/api/v1/notifications?status=lost")).AssertValidationErrorAsync("status");
        await (await op.PostAsync($"/api/v1/notifications/{Guid.NewGuid()}/retry", null)).AssertProblemAsync(HttpStatusCode.NotFound);
    }
}
