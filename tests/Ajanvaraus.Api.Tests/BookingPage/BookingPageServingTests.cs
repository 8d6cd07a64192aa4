using System.Net;
using Ajanvaraus.Api.Hosting;
using Ajanvaraus.Api.Notifications;
using Ajanvaraus.Api.Tests.Infrastructure;

namespace Ajanvaraus.Api.Tests.BookingPage;

// What the booking page needs from the host, checked without a browser (these always run).
public sealed class BookingPageServingTests
{
    [Theory]
    [InlineData("/book")]
    [InlineData("/book/manage/0195d0c4-0000-7000-8000-000000000000?token=x")]
    [InlineData("/book/accessibility?lang=sv")]
    public async Task EveryViewIsTheOneFramablePage(string path)
    {
        await using var app = new AjanvarausApp();
        var response = await app.CreateClient().GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<script type=\"module\" src=\"/book/app.js\"></script>", await response.Content.ReadAsStringAsync());
        var policy = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("frame-ancestors *", policy);
        Assert.False(response.Headers.Contains("X-Frame-Options"));
        Assert.Equal("no-referrer", string.Join("", response.Headers.GetValues("Referrer-Policy")));
    }

    [Theory]
    [InlineData("/book/app.js", "text/javascript")]
    [InlineData("/book/picker.js", "text/javascript")]
    [InlineData("/book/styles.css", "text/css")]
    [InlineData("/book/embed.js", "text/javascript")]
    public async Task TheModulesAndStylesAreServedFromTheService(string path, string type)
    {
        await using var app = new AjanvarausApp();
        var response = await app.CreateClient().GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(type, response.Content.Headers.ContentType?.MediaType);
        Assert.NotEmpty(await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task TheBookingPageIsNotPartOfTheApiContract()
    {
        await using var app = new AjanvarausApp();
        var document = await app.CreateClient().GetStringAsync("/openapi/v1.json");

        Assert.DoesNotContain("\"/book", document);
        Assert.Equal(HttpStatusCode.NotFound, (await app.CreateClient().GetAsync("/book/nothing-here.js")).StatusCode);
    }

    [Fact]
    public void TheDefaultManageLinkOpensTheBookingPage()
    {
        var template = new NotificationOptions().ManageUrl(Guid.Parse("0195d0c4-0000-7000-8000-000000000000"), "t+k");
        var urls = new PublicBaseUrl(Microsoft.Extensions.Options.Options.Create(new PublicUrlOptions()));
        var link = urls.Absolute(template, null);

        Assert.Equal("http://127.0.0.1:5080/book/manage/0195d0c4-0000-7000-8000-000000000000?token=t%2Bk", link);
    }
}
