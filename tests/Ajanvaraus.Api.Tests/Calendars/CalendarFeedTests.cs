using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Ajanvaraus.Api.Tests.Bookings;
using Ajanvaraus.Api.Tests.Infrastructure;
using Ical.Net;

namespace Ajanvaraus.Api.Tests.Calendars;

// Feeds out, through the public API, parsed back with Ical.Net.
public sealed class CalendarFeedTests
{
    private static async Task<JsonElement> CreateAsync(HttpClient client, string path, string? name = null) =>
        await (await client.PostAsJsonAsync(path, new { name })).ReadJsonAsync(HttpStatusCode.Created);

    private static async Task<(Calendar Calendar, HttpResponseMessage Response)> FetchAsync(BookingWorld world, JsonElement feed)
    {
        var path = new Uri(feed.GetProperty("url").GetString()!).PathAndQuery;
        var response = await world.App.CreateClient().GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType?.MediaType);
        return (Calendar.Load(await response.Content.ReadAsStringAsync())!, response);
    }

    private static async Task<Calendar> BookingIcsAsync(BookingWorld world, JsonElement booking)
    {
        var token = Uri.EscapeDataString(booking.GetProperty("manageToken").GetString()!);
        var id = booking.GetProperty("id").GetGuid();
        var response = await world.App.CreateClient().GetAsync($"/api/v1/bookings/{id}/calendar.ics?token={token}");
        return Calendar.Load(await response.Content.ReadAsStringAsync())!;
    }

    [Fact]
    public async Task AnExpertFeedHoldsTheBookingWithItsOwnUidAndSequenceAndAnswers304ToItsETag()
    {
        await using var world = await BookingWorld.CreateAsync();
        var booking = await world.BookOkAsync(world.Booking(BookingWorld.Tuesday(9)));
        var feed = await CreateAsync(world.App.AgencyAdmin("kela"), $"/api/v1/experts/{world.Expert}/feeds", "Anna");
        Assert.StartsWith("http://localhost/api/v1/feeds/", feed.GetProperty("url").GetString());
        Assert.StartsWith("webcal://localhost/api/v1/feeds/", feed.GetProperty("webcalUrl").GetString());

        var (calendar, response) = await FetchAsync(world, feed);

        var ev = Assert.Single(calendar.Events);
        var own = Assert.Single((await BookingIcsAsync(world, booking)).Events);
        Assert.Equal(own.Uid, ev.Uid);
        Assert.Equal(own.Sequence, ev.Sequence);
        Assert.Equal(own.DtStart!.AsUtc, ev.DtStart!.AsUtc);
        Assert.Equal("Europe/Helsinki", ev.DtStart.TzId);
        Assert.Single(calendar.TimeZones);
        Assert.Contains("Maaherrankatu 9", ev.Location);
        Assert.Contains(booking.GetProperty("reference").GetString()!, ev.Description);
        Assert.Contains("Maija Meikäläinen", ev.Description);
        Assert.Contains(booking.GetProperty("customer").GetProperty("phone").GetString()!, ev.Description);
        Assert.Equal("PT15M", calendar.Properties["X-PUBLISHED-TTL"]!.Value);
        Assert.Equal("PT15M", calendar.Properties["REFRESH-INTERVAL"]!.Value?.ToString());
        Assert.Equal("Anna", calendar.Properties["X-WR-CALNAME"]!.Value);
        Assert.True(response.Headers.CacheControl is { Private: true, NoCache: true }, response.Headers.CacheControl?.ToString());
        var etag = response.Headers.ETag!;

        using var conditional = new HttpRequestMessage(HttpMethod.Get, new Uri(feed.GetProperty("url").GetString()!).PathAndQuery);
        conditional.Headers.IfNoneMatch.Add(etag);
        var notModified = await world.App.CreateClient().SendAsync(conditional);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Equal(etag, notModified.Headers.ETag);

        // A move raises SEQUENCE in the booking's file and the feed alike, and changes the ETag.
        var token = booking.GetProperty("manageToken").GetString()!;
        await (await world.App.CreateClient().SendAsync(BookingWorld.WithToken(HttpMethod.Post,
            $"/api/v1/bookings/{booking.GetProperty("id").GetGuid()}/reschedule", token,
            new { expertId = world.Expert, start = BookingWorld.Tuesday(10) }))).ReadJsonAsync(HttpStatusCode.OK);
        var (moved, again) = await FetchAsync(world, feed);
        Assert.Equal(Assert.Single((await BookingIcsAsync(world, booking)).Events).Sequence, Assert.Single(moved.Events).Sequence);
        Assert.True(Assert.Single(moved.Events).Sequence > ev.Sequence);
        Assert.NotEqual(etag, again.Headers.ETag);
    }

    [Fact]
    public async Task APointFeedHoldsEveryAgencysBookingsWithoutCustomersAndCancellationsShowAsCancelled()
    {
        await using var world = await BookingWorld.CreateAsync(otherAgencies: ["vero"]);
        var kela = await world.BookOkAsync(world.Booking(BookingWorld.Tuesday(9)));
        var (veroService, veroExpert) = world.Agencies["vero"];
        var vero = await world.BookOkAsync(new
        {
            serviceId = veroService, expertId = veroExpert, start = BookingWorld.Tuesday(10), channel = "in_person",
            servicePointId = "mikkeli", customer = new { name = "Ville Virtanen", phone = "050 765 4321", language = "fi" },
        });
        await (await world.App.CreateClient().SendAsync(BookingWorld.WithToken(HttpMethod.Post,
            $"/api/v1/bookings/{kela.GetProperty("id").GetGuid()}/cancel", kela.GetProperty("manageToken").GetString()!)))
            .ReadJsonAsync(HttpStatusCode.OK);

        var feed = await CreateAsync(world.App.Adviser("mikkeli"), "/api/v1/service-points/mikkeli/feeds");
        var (calendar, _) = await FetchAsync(world, feed);

        Assert.Equal(2, calendar.Events.Count);
        var cancelled = calendar.Events.Single(e => e.Uid!.StartsWith(kela.GetProperty("id").GetGuid().ToString()));
        Assert.Equal("CANCELLED", cancelled.Status);
        Assert.Equal("CONFIRMED", calendar.Events.Single(e => e.Uid!.StartsWith(vero.GetProperty("id").GetGuid().ToString())).Status);
        Assert.All(calendar.Events, e => Assert.DoesNotContain("Meikäläinen", e.Description));
        Assert.All(calendar.Events, e => Assert.DoesNotContain("Virtanen", e.Description));
        var phone = vero.GetProperty("customer").GetProperty("phone").GetString()!;
        Assert.All(calendar.Events, e => Assert.DoesNotContain(phone, e.Description + e.Location));
    }

    [Fact]
    public async Task OperatorsMayLetPointFeedsNameCustomers()
    {
        await using var world = await BookingWorld.CreateAsync(
            settings: new Dictionary<string, string?> { ["Calendars:PointFeedsShowCustomers"] = "true" });
        await world.BookOkAsync(world.Booking(BookingWorld.Tuesday(9)));
        var feed = await CreateAsync(world.App.Operator(), "/api/v1/service-points/mikkeli/feeds");

        Assert.Contains("Maija Meikäläinen", Assert.Single((await FetchAsync(world, feed)).Calendar.Events).Description);
    }

    [Fact]
    public async Task ARevokedFeedIsGoneAndListsShowNoUrls()
    {
        await using var world = await BookingWorld.CreateAsync();
        var admin = world.App.AgencyAdmin("kela");
        var feed = await CreateAsync(admin, "/api/v1/providers/kela/feeds");
        await FetchAsync(world, feed);

        var list = await (await admin.GetAsync("/api/v1/providers/kela/feeds")).ReadJsonAsync(HttpStatusCode.OK);
        var listed = Assert.Single(list.GetProperty("items").EnumerateArray());
        Assert.Equal("provider", listed.GetProperty("kind").GetString());
        Assert.False(listed.TryGetProperty("url", out _));

        var id = feed.GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/v1/providers/kela/feeds/{id}")).StatusCode);
        var gone = await world.App.CreateClient().GetAsync(new Uri(feed.GetProperty("url").GetString()!).PathAndQuery);
        await gone.AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.DeleteAsync($"/api/v1/providers/kela/feeds/{id}")).StatusCode);
    }

    [Fact]
    public async Task FeedsAreMadeOnlyByTheirOwnersStaff()
    {
        await using var world = await BookingWorld.CreateAsync(otherAgencies: ["vero"]);
        var vero = world.App.AgencyAdmin("vero");

        Assert.Equal(HttpStatusCode.Forbidden, (await vero.PostAsJsonAsync($"/api/v1/experts/{world.Expert}/feeds", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await vero.PostAsJsonAsync("/api/v1/providers/kela/feeds", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await vero.PostAsJsonAsync("/api/v1/service-points/mikkeli/feeds", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden,
            (await world.App.Adviser("parainen").PostAsJsonAsync("/api/v1/service-points/mikkeli/feeds", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized,
            (await world.App.CreateClient().PostAsJsonAsync("/api/v1/providers/kela/feeds", new { })).StatusCode);
        await (await world.App.CreateClient().GetAsync("/api/v1/feeds/not-a-token.ics")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await world.App.AgencyAdmin("kela").PostAsJsonAsync("/api/v1/providers/kela/feeds", new { name = new string('x', 201) }))
            .AssertValidationErrorAsync("name");
    }
}
