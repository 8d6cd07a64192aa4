using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ajanvaraus.Api.Tests.Bookings;
using Ajanvaraus.Api.Tests.Infrastructure;
using Ajanvaraus.Api.Tests.Notifications;
using Ical.Net;
using static Ajanvaraus.Api.Tests.Notifications.NotificationKit;

namespace Ajanvaraus.Api.Tests.Security;

// Every absolute link the service writes starts with Api:PublicBaseUrl; only when it is empty does the request's own
// scheme and host stand in, and forwarded ones only from a known proxy.
public sealed class PublicBaseUrlTests
{
    private const string Public = "https://ajanvaraus.example.fi";

    private static async Task<JsonElement> FeedAsync(BookingWorld world, Action<HttpRequestMessage>? headers = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/experts/{world.Expert}/feeds")
        {
            Content = JsonContent.Create(new { name = "Anna" }),
        };
        headers?.Invoke(request);
        return await (await world.App.AgencyAdmin("kela").SendAsync(request)).ReadJsonAsync(HttpStatusCode.Created);
    }

    [Fact]
    public async Task ForgedForwardedProtoAndHostDoNotReachAFeedUrl()
    {
        await using var world = await BookingWorld.CreateAsync();
        var feed = await FeedAsync(world, request =>
        {
            request.Headers.Add(TestRemoteAddressStartupFilter.Header, "127.0.0.61");
            request.Headers.Add("X-Forwarded-Proto", "https");
            request.Headers.Add("X-Forwarded-Host", "evil.example");
        });

        Assert.StartsWith("http://localhost/api/v1/feeds/", feed.GetProperty("url").GetString());
        Assert.StartsWith("webcal://localhost/api/v1/feeds/", feed.GetProperty("webcalUrl").GetString());
    }

    [Fact]
    public async Task AKnownProxysForwardedProtoAndHostAreTheLocalDefault()
    {
        await using var world = await BookingWorld.CreateAsync(settings: new Dictionary<string, string?>
        {
            ["ForwardedHeaders:KnownProxies:0"] = "10.0.0.1",
        });
        var feed = await FeedAsync(world, request =>
        {
            request.Headers.Add(TestRemoteAddressStartupFilter.Header, "10.0.0.1");
            request.Headers.Add("X-Forwarded-For", "198.51.100.7");
            request.Headers.Add("X-Forwarded-Proto", "https");
            request.Headers.Add("X-Forwarded-Host", "ajanvaraus.example.fi");
        });

        Assert.StartsWith("https://ajanvaraus.example.fi/api/v1/feeds/", feed.GetProperty("url").GetString());
    }

    [Fact]
    public async Task ThePublicBaseUrlIsInFeedUrlsCalendarFilesAndMessagesWhateverTheRequestSays()
    {
        await using var gateway = new SmsSink();
        await using var world = await BookingWorld.CreateAsync(settings: new Dictionary<string, string?>
        {
            ["Api:PublicBaseUrl"] = Public + "/ajanvaraus/",
            ["Notifications:Sms:Url"] = gateway.Url,
        });
        var feed = await FeedAsync(world, request => request.Headers.Host = "evil.example");
        Assert.StartsWith($"{Public}/ajanvaraus/api/v1/feeds/", feed.GetProperty("url").GetString());
        Assert.StartsWith("webcal://ajanvaraus.example.fi/ajanvaraus/api/v1/feeds/", feed.GetProperty("webcalUrl").GetString());

        var booking = await world.BookOkAsync(world.Booking(Wednesday(9), customer: Customer("fi", email: null, phone: "040 123 4567")));
        var id = booking.GetProperty("id").GetGuid();
        var token = Uri.EscapeDataString(booking.GetProperty("manageToken").GetString()!);
        var ics = await world.App.CreateClient().GetStringAsync($"/api/v1/bookings/{id}/calendar.ics?token={token}");
        Assert.Contains($"{Public}/ajanvaraus/book/manage/{id}?token={token}", Assert.Single(Calendar.Load(ics)!.Events).Description);

        Assert.Equal(1, await world.Jobs().DispatchBookingAsync(id, default));
        Assert.True(gateway.Received.TryDequeue(out var sms));
        Assert.Contains($"{Public}/ajanvaraus/book/manage/{id}?token=", sms.Body.GetProperty("text").GetString());
    }

    [Theory]
    [InlineData("ajanvaraus.example.fi")]
    [InlineData("ftp://ajanvaraus.example.fi")]
    [InlineData("https://ajanvaraus.example.fi/?x=1")]
    public async Task APublicBaseUrlThatIsNotAnAbsoluteHttpUrlStopsTheStart(string value)
    {
        await using var app = new AjanvarausApp(settings: new Dictionary<string, string?> { ["Api:PublicBaseUrl"] = value });

        var error = Assert.ThrowsAny<Exception>(() => app.CreateClient());
        Assert.Contains("Api:PublicBaseUrl", error.ToString());
    }
}
