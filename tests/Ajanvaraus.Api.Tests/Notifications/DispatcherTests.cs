using System.Net;
using System.Net.Http.Json;
using Ajanvaraus.Api.Data;
using Ajanvaraus.Api.Notifications;
using Ajanvaraus.Api.Tests.Bookings;
using Ajanvaraus.Api.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using static Ajanvaraus.Api.Tests.Notifications.NotificationKit;

namespace Ajanvaraus.Api.Tests.Notifications;

public sealed class DispatcherTests
{
    [Theory, MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task TwoDispatchersRacingOverTheSameRowsSendEachMessageOnce(Engine engine)
    {
        Engines.SkipUnlessAvailable(engine);
        await using var smtp = new SmtpSink();
        await using var world = await BookingWorld.CreateAsync(engine, experts: 3, settings: smtp.Settings(new Dictionary<string, string?>
        {
            ["Notifications:BatchSize"] = "2",
        }));
        foreach (var expert in world.Experts)
        {
            foreach (var start in new[] { Wednesday(9), Wednesday(10), Wednesday(11), Thursday(9) })
            {
                await world.BookOkAsync(world.Booking(start, expert: expert));
            }
        }

        // The second dispatcher is another instance: its own Db (own pool, own writer queue) on the same database file.
        var options = world.App.Services.GetRequiredService<IOptions<DatabaseOptions>>();
        await using var otherDb = new Db(options);
        var other = ActivatorUtilities.CreateInstance<NotificationJobs>(world.App.Services, new NotificationStore(otherDb));
        var mine = world.Jobs();
        var sent = await Task.WhenAll(
            Enumerable.Range(0, 6).Select(i => Task.Run(() => (i % 2 == 0 ? mine : other).DispatchDueAsync(default))));

        var messages = smtp.Drain();
        Assert.Equal(12, messages.Count);
        Assert.Equal(12, sent.Sum());
        Assert.Equal(12, messages.Select(m => m.MessageId).Distinct().Count());
        Assert.Equal(12, (await world.OutboxAsync("&status=sent")).Count);
    }

    [Theory, MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task ADispatcherThatCrashedAfterClaimingLeavesItsRowsToTheNextOnceTheClaimExpires(Engine engine)
    {
        Engines.SkipUnlessAvailable(engine);
        await using var smtp = new SmtpSink();
        await using var world = await BookingWorld.CreateAsync(engine, settings: smtp.Settings());
        await world.BookOkAsync(world.Booking(Wednesday(9)));
        var store = world.App.Services.GetRequiredService<NotificationStore>();

        // Claimed, then the process died: nothing sent, nothing marked.
        var claimed = await store.ClaimDueAsync(Guid.NewGuid(), "email", 50, TimeSpan.FromSeconds(120), world.Clock.GetUtcNow(), default);
        Assert.Single(claimed);

        var jobs = world.Jobs();
        Assert.Equal(0, await jobs.DispatchDueAsync(default));
        world.Clock.Advance(TimeSpan.FromSeconds(119));
        Assert.Equal(0, await jobs.DispatchDueAsync(default));
        world.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, await jobs.DispatchDueAsync(default));
        Assert.Single(smtp.Drain());
        Assert.Equal(0, await jobs.DispatchDueAsync(default));
    }

    [Fact]
    public async Task SmtpDownRetriesWithBackoffUntilDeadAndAnOperatorRetrySendsItOnce()
    {
        var port = SmtpSink.FreePort();
        await using var world = await BookingWorld.CreateAsync(settings: new Dictionary<string, string?>
        {
            ["Notifications:Smtp:Host"] = "127.0.0.1",
            ["Notifications:Smtp:Port"] = port.ToString(),
            ["Notifications:MaxAttempts"] = "4",
            ["Notifications:RetryBaseSeconds"] = "30",
        });
        var booking = await world.BookOkAsync(world.Booking(Wednesday(9)));
        var jobs = world.Jobs();
        var start = world.Clock.GetUtcNow();

        Assert.Equal(0, await jobs.DispatchDueAsync(default));
        var failed = Assert.Single(await world.OutboxAsync("&status=failed"));
        Assert.Equal(1, failed.GetProperty("attempts").GetInt32());
        Assert.Equal(start.AddSeconds(30), failed.GetProperty("nextAttemptAt").GetDateTimeOffset());
        // The operator's language, never .NET's words (issue 24, 9): was "SocketException: Connection refused".
        Assert.Equal("Sähköpostipalvelimeen ei saatu yhteyttä.", failed.GetProperty("lastError").GetString());

        // 30, 60, 120 seconds apart; nothing is tried before its time.
        var elapsed = 0;
        foreach (var (wait, attempts) in new[] { (30, 2), (60, 3), (120, 4) })
        {
            world.Clock.SetUtcNow(start.AddSeconds(elapsed + wait - 1));
            await jobs.DispatchDueAsync(default);
            var email = (await world.OutboxAsync()).Single(n => n.Is("confirmation", "email"));
            Assert.Equal(attempts - 1, email.GetProperty("attempts").GetInt32());
            world.Clock.SetUtcNow(start.AddSeconds(elapsed + wait));
            await jobs.DispatchDueAsync(default);
            elapsed += wait;
        }

        var dead = Assert.Single(await world.OutboxAsync("&status=dead"));
        Assert.Equal(4, dead.GetProperty("attempts").GetInt32());
        var ready = await world.App.CreateClient().GetAsync("/health/ready");
        var health = await ready.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        Assert.Equal("Degraded", health.GetProperty("checks").GetProperty("notifications").GetString());

        world.Clock.Advance(TimeSpan.FromHours(5));
        Assert.Equal(0, await jobs.DispatchDueAsync(default));

        await using var smtp = new SmtpSink(port);
        var retried = await world.App.Operator().PostAsync($"/api/v1/notifications/{dead.GetProperty("id").GetGuid()}/retry", null);
        Assert.Equal("pending", (await retried.ReadJsonAsync(HttpStatusCode.OK)).GetProperty("status").GetString());
        Assert.Equal(1, await jobs.DispatchBookingAsync(booking.GetProperty("id").GetGuid(), default));
        Assert.Equal(0, await jobs.DispatchDueAsync(default));
        // The resend is recognisable: its Message-ID is the outbox row's.
        Assert.Equal($"{dead.Id():N}@ajanvaraus.example", Assert.Single(smtp.Drain()).MessageId);
        Assert.Equal(dead.Id(), Assert.Single(await world.OutboxAsync("&status=sent")).Id());

        var again = await world.App.Operator().PostAsync($"/api/v1/notifications/{dead.GetProperty("id").GetGuid()}/retry", null);
        await again.AssertProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task EachBookingsDispatchReusesTheOpenSmtpConnectionAndReplacesOneIdleTooLongOrDropped()
    {
        await using var smtp = new SmtpSink();
        await using var world = await BookingWorld.CreateAsync(experts: 2, settings: smtp.Settings());
        var jobs = world.Jobs();
        var bookings = new List<Guid>();
        foreach (var start in new[] { Wednesday(9), Wednesday(10), Wednesday(11), Thursday(9), Thursday(10) })
        {
            bookings.Add((await world.BookOkAsync(world.Booking(start))).Id());
        }

        Assert.Equal(1, await jobs.DispatchBookingAsync(bookings[0], default));
        Assert.Equal(1, await jobs.DispatchBookingAsync(bookings[1], default));
        Assert.Equal(1, smtp.Connections);

        // Idle longer than servers commonly allow (20 s on the service's clock): closed and replaced before use.
        world.Clock.Advance(TimeSpan.FromSeconds(21));
        Assert.Equal(1, await jobs.DispatchBookingAsync(bookings[2], default));
        Assert.Equal(2, smtp.Connections);

        // The server hangs up after the next message: the one after it goes out on a new connection, not as a failure.
        smtp.HangUpAfterEachMessage = true;
        Assert.Equal(1, await jobs.DispatchBookingAsync(bookings[3], default));
        Assert.Equal(1, await jobs.DispatchBookingAsync(bookings[4], default));

        Assert.Equal(5, smtp.Drain().Count);
        Assert.Equal(3, smtp.Connections);
        Assert.Equal(5, (await world.OutboxAsync("&status=sent")).Count);
        Assert.Empty(await world.OutboxAsync("&status=failed"));
    }

    [Fact]
    public void BackoffDoublesFromTheBaseAndStaysWithinAnHour()
    {
        Assert.Equal(TimeSpan.FromSeconds(30), NotificationJobs.Backoff(1, 30));
        Assert.Equal(TimeSpan.FromSeconds(60), NotificationJobs.Backoff(2, 30));
        Assert.Equal(TimeSpan.FromSeconds(1920), NotificationJobs.Backoff(7, 30));
        Assert.Equal(TimeSpan.FromHours(1), NotificationJobs.Backoff(8, 30));
        Assert.Equal(TimeSpan.FromHours(1), NotificationJobs.Backoff(50, 30));
    }
}
