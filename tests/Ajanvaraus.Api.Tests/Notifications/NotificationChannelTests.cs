using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ajanvaraus.Api.Tests.Bookings;
using Ajanvaraus.Api.Tests.Infrastructure;
using static Ajanvaraus.Api.Tests.Notifications.NotificationKit;

namespace Ajanvaraus.Api.Tests.Notifications;

// Issue 24, 14 and 9: a channel without a sender is reported, not silently waited on; lastError is the operator's
// language and never .NET's words.
public sealed class NotificationChannelTests
{
    [Fact]
    public async Task APhoneOnlyCustomerWithoutAnSmsGatewayMakesReadinessDegradedAndIsListedForOperators()
    {
        await using var smtp = new SmtpSink();
        await using var world = await BookingWorld.CreateAsync(settings: smtp.Settings());
        await world.BookOkAsync(world.Booking(Wednesday(9), customer: Customer(email: null, phone: "040 123 4567")));

        Assert.Equal("Degraded", (await ReadinessAsync(world)).GetProperty("checks").GetProperty("notifications").GetString());

        var op = world.App.Operator();
        op.DefaultRequestHeaders.Add("Accept-Language", "en");
        var channels = await (await op.GetAsync("/api/v1/notifications/channels")).ReadJsonAsync(HttpStatusCode.OK);
        var sms = channels.GetProperty("items").EnumerateArray().Single(c => c.GetProperty("channel").GetString() == "sms");
        Assert.False(sms.GetProperty("configured").GetBoolean());
        Assert.Equal("Notifications:Sms:Url", sms.GetProperty("setting").GetString());
        Assert.Equal(3, sms.GetProperty("waiting").GetInt64());
        Assert.StartsWith("No SMS gateway is configured", sms.GetProperty("problem").GetString());
        var email = channels.GetProperty("items").EnumerateArray().Single(c => c.GetProperty("channel").GetString() == "email");
        Assert.True(email.GetProperty("configured").GetBoolean());

        // Each waiting message says why it waits, in the operator's language (Finnish by default).
        var outbox = await world.OutboxAsync("&status=pending");
        Assert.All(outbox, n => Assert.StartsWith("Tekstiviestipalvelua ei ole määritetty", n.GetProperty("lastError").GetString()));
    }

    [Fact]
    public async Task WithASenderForEveryChannelReadinessIsHealthy()
    {
        await using var smtp = new SmtpSink();
        await using var gateway = new SmsSink();
        await using var world = await BookingWorld.CreateAsync(settings: smtp.Settings(new Dictionary<string, string?>
        {
            ["Notifications:Sms:Url"] = gateway.Url,
        }));
        await world.BookOkAsync(world.Booking(Wednesday(9), customer: Customer(email: null, phone: "040 123 4567")));
        Assert.Equal("Healthy", (await ReadinessAsync(world)).GetProperty("checks").GetProperty("notifications").GetString());
    }

    [Fact]
    public async Task AFailedSendsLastErrorIsLocalizedAndCarriesNoExceptionText()
    {
        await using var world = await BookingWorld.CreateAsync(settings: new Dictionary<string, string?>
        {
            ["Notifications:Smtp:Host"] = "127.0.0.1",
            ["Notifications:Smtp:Port"] = SmtpSink.FreePort().ToString(),
            ["Notifications:Sms:Url"] = "http://127.0.0.1:9/sms",
        });
        await world.BookOkAsync(world.Booking(Wednesday(9)));
        await world.Jobs().DispatchDueAsync(default);

        var op = world.App.Operator();
        op.DefaultRequestHeaders.Add("Accept-Language", "sv");
        var body = await (await op.GetAsync("/api/v1/notifications?status=failed")).ReadJsonAsync(HttpStatusCode.OK);
        var failed = body.GetProperty("items").EnumerateArray().ToList();
        string? ErrorOf(string channel) => failed.Single(n => n.Is("confirmation", channel)).GetProperty("lastError").GetString();
        Assert.Equal("E-postservern kunde inte nås.", ErrorOf("email"));
        Assert.Equal("Sms-tjänsten kunde inte nås.", ErrorOf("sms"));
    }

    private static async Task<JsonElement> ReadinessAsync(BookingWorld world) =>
        await (await world.App.CreateClient().GetAsync("/health/ready")).Content.ReadFromJsonAsync<JsonElement>();
}
