using System.Net;
using Ajanvaraus.Api.Tests.Bookings;
using Ajanvaraus.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Ajanvaraus.Api.Tests.Security;

public sealed class HeaderTests
{
    [Fact]
    public async Task ABookingsAnswerIsNotCachedNotSniffedAndLeaksNoReferrer()
    {
        await using var world = await BookingWorld.CreateAsync();
        var response = await world.BookAsync(world.Booking(BookingWorld.Tuesday(9)));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.False(response.Headers.Contains("Server"));
    }

    [Fact]
    public async Task ProblemAnswersCarryTheSameHeaders()
    {
        await using var app = new AjanvarausApp();
        var response = await app.CreateClient().GetAsync($"/api/v1/bookings/{Guid.NewGuid()}?token=nope");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
    }

    [Fact]
    public async Task CalendarFeedsAreRevalidatedRatherThanNeverStored()
    {
        await using var app = new AjanvarausApp();
        var response = await app.Server.CreateClient().GetAsync("/api/v1/feeds/anything.ics");
        Assert.True(response.Headers.CacheControl is { Private: true, NoCache: true, NoStore: false }, $"{response.Headers.CacheControl}");
    }

    [Fact]
    public async Task HstsOnlyOverHttps()
    {
        await using var app = new AjanvarausApp();
        var https = app.CreateClient();
        https.BaseAddress = new Uri("https://ajanvaraus.example/");
        var overHttps = await https.GetAsync("/api/v1/providers");
        Assert.StartsWith("max-age=31536000", overHttps.Headers.GetValues("Strict-Transport-Security").Single());

        var overHttp = await app.CreateClient().GetAsync("/api/v1/providers");
        Assert.False(overHttp.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task KestrelSendsNoServerBanner()
    {
        await using var app = new AjanvarausApp();
        _ = app.CreateClient();
        Assert.False(app.Services.GetRequiredService<IOptions<KestrelServerOptions>>().Value.AddServerHeader);
    }
}
