using System.Net;
using System.Net.Http.Json;
using Ajanvaraus.Api.Tests.Infrastructure;

namespace Ajanvaraus.Api.Tests.Bookings;

// An anonymous replay is the first request's client's only: from another address it never hands out the manage token.
public sealed class IdempotentReplayTests
{
    private static HttpRequestMessage Book(object body, string key, string address)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/bookings") { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", key);
        request.Headers.Add(TestRemoteAddressStartupFilter.Header, address);
        request.Headers.AcceptLanguage.ParseAdd("en");
        return request;
    }

    [Fact]
    public async Task AReplayFromAnotherAddressAnswers422WithoutTheManageToken()
    {
        await using var world = await BookingWorld.CreateAsync();
        var body = world.Booking(BookingWorld.Tuesday(9));
        var key = Guid.NewGuid().ToString();
        var client = world.App.CreateClient();
        var first = await (await client.SendAsync(Book(body, key, "203.0.113.5"))).ReadJsonAsync(HttpStatusCode.Created);
        var token = first.GetProperty("manageToken").GetString()!;

        var elsewhere = await client.SendAsync(Book(body, key, "198.51.100.7"));
        var text = await elsewhere.Content.ReadAsStringAsync();
        var problem = await elsewhere.AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal("This Idempotency-Key was used by another client. Use a new key for a new booking.",
            problem.GetProperty("detail").GetString());
        Assert.DoesNotContain(token, text);
        Assert.DoesNotContain(first.GetProperty("id").GetString()!, text);

        // The first client's own retry (its IPv6 neighbours in the same /64 alike) still gets it.
        var again = await (await client.SendAsync(Book(body, key, "203.0.113.5"))).ReadJsonAsync(HttpStatusCode.Created);
        Assert.Equal(token, again.GetProperty("manageToken").GetString());
    }

    [Fact]
    public async Task APortalsReplayIsItsOwnWhereverItCallsFrom()
    {
        await using var world = await BookingWorld.CreateAsync();
        var body = world.Booking(BookingWorld.Tuesday(9));
        var key = Guid.NewGuid().ToString();
        var portal = world.App.Portal("mikkeli.fi");
        var first = await (await portal.SendAsync(Book(body, key, "203.0.113.5"))).ReadJsonAsync(HttpStatusCode.Created);

        var again = await (await portal.SendAsync(Book(body, key, "198.51.100.7"))).ReadJsonAsync(HttpStatusCode.Created);
        Assert.Equal(first.GetProperty("manageToken").GetString(), again.GetProperty("manageToken").GetString());
    }
}
