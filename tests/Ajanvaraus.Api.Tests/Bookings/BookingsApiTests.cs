using System.Net;
using System.Net.Http.Json;
using Ajanvaraus.Api.Tests.Infrastructure;
using Dapper;

namespace Ajanvaraus.Api.Tests.Bookings;

public sealed class BookingsApiTests
{
    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task BookingAnswers201WithReferenceManageTokenAndLinks(Engine engine)
    {
        await using var world = await BookingWorld.CreateAsync(engine);

        var response = await world.BookAsync(world.Booking(BookingWorld.Tuesday(9)));
        var booking = await response.ReadJsonAsync(HttpStatusCode.Created);

        var id = booking.GetProperty("id").GetGuid();
        Assert.Equal($"/api/v1/bookings/{id}", response.Headers.Location?.ToString());
        Assert.Matches("^[A-Z0-9]{4}-[A-Z0-9]{4}$", booking.GetProperty("reference").GetString());
        Assert.Equal("confirmed", booking.GetProperty("status").GetString());
        Assert.Equal("2026-11-24T09:00:00+02:00", booking.GetProperty("start").GetString());
        Assert.Equal("2026-11-24T09:45:00+02:00", booking.GetProperty("end").GetString());
        Assert.Equal("+358401234567", booking.GetProperty("customer").GetProperty("phone").GetString());
        Assert.Equal($"/api/v1/bookings/{id}/calendar.ics", booking.GetProperty("links").GetProperty("calendar").GetString());
        var token = booking.GetProperty("manageToken").GetString()!;

        await using var c = await world.App.Db.OpenAsync(TestContext.Current.CancellationToken);
        var stored = await c.QuerySingleAsync<string>("SELECT ManageTokenHash FROM Bookings WHERE Id = @id", new { id });
        Assert.NotEqual(token, stored);
        Assert.DoesNotContain(token, stored);

        var fetched = await (await world.App.CreateClient().SendAsync(BookingWorld.WithToken(HttpMethod.Get, $"/api/v1/bookings/{id}",
            token))).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(booking.GetProperty("reference").GetString(), fetched.GetProperty("reference").GetString());
        Assert.False(fetched.TryGetProperty("manageToken", out _));
    }

    [Fact]
    public async Task VideoBookingGetsAMeetingLink()
    {
        await using var world = await BookingWorld.CreateAsync();
        var booking = await world.BookOkAsync(world.Booking(BookingWorld.Tuesday(9), "video"));
        Assert.Contains(booking.GetProperty("reference").GetString()!, booking.GetProperty("meetingUrl").GetString());
        Assert.False(booking.TryGetProperty("servicePointId", out _));
    }

    [Fact]
    public async Task SameIdempotencyKeyAndBodyReplaysTheFirstAnswer()
    {
        await using var world = await BookingWorld.CreateAsync();
        var body = world.Booking(BookingWorld.Tuesday(9));

        var first = await (await world.BookAsync(body, key: "retry-1")).ReadJsonAsync(HttpStatusCode.Created);
        var replay = await (await world.BookAsync(body, key: "retry-1")).ReadJsonAsync(HttpStatusCode.Created);

        Assert.Equal(first.GetProperty("id").GetGuid(), replay.GetProperty("id").GetGuid());
        Assert.Equal(first.GetProperty("manageToken").GetString(), replay.GetProperty("manageToken").GetString());
        await using var c = await world.App.Db.OpenAsync(TestContext.Current.CancellationToken);
        Assert.Equal(1, await c.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM Bookings"));
    }

    [Fact]
    public async Task SameIdempotencyKeyWithAnotherBodyAnswers422()
    {
        await using var world = await BookingWorld.CreateAsync();
        await (await world.BookAsync(world.Booking(BookingWorld.Tuesday(9)), key: "retry-2")).ReadJsonAsync(HttpStatusCode.Created);

        var reused = await world.BookAsync(world.Booking(BookingWorld.Tuesday(10, 30)), key: "retry-2");

        await reused.AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
    }

    [Fact]
    public async Task BookingWithoutIdempotencyKeyAnswers400NamingTheHeader()
    {
        await using var world = await BookingWorld.CreateAsync();
        var response = await world.App.CreateClient().PostAsJsonAsync("/api/v1/bookings", world.Booking(BookingWorld.Tuesday(9)));
        await response.AssertValidationErrorAsync("Idempotency-Key");
    }

    [Fact]
    public async Task BookingATakenTimeAnswers409()
    {
        await using var world = await BookingWorld.CreateAsync();
        await world.BookOkAsync(world.Booking(BookingWorld.Tuesday(9)));
        var second = await world.BookAsync(world.Booking(BookingWorld.Tuesday(9, 30), "phone"));
        await second.AssertProblemAsync(HttpStatusCode.Conflict);
    }

    public static TheoryData<string, string> InvalidBookings => new()
    {
        { """{"serviceId":"SERVICE","expertId":"EXPERT","start":"2026-11-24T09:00:00+02:00","channel":"in_person","servicePointId":"mikkeli","customer":{"name":"M","email":"not-an-email","language":"fi"}}""", "customer.email" },
        { """{"serviceId":"SERVICE","expertId":"EXPERT","start":"2026-11-24T09:00:00+02:00","channel":"in_person","servicePointId":"mikkeli","customer":{"name":"M","phone":"12","language":"fi"}}""", "customer.phone" },
        { """{"serviceId":"SERVICE","expertId":"EXPERT","start":"2026-11-24T09:00:00+02:00","channel":"phone","customer":{"name":"M","email":"m@example.fi","language":"fi"}}""", "customer.phone" },
        { """{"serviceId":"SERVICE","expertId":"EXPERT","start":"2026-11-24T09:00:00+02:00","channel":"in_person","servicePointId":"mikkeli","customer":{"name":"M","language":"fi"}}""", "customer" },
        { """{"serviceId":"SERVICE","expertId":"EXPERT","start":"2026-11-24T09:00:00+02:00","channel":"in_person","servicePointId":"mikkeli","customer":{"name":"M","email":"m@example.fi","language":"de"}}""", "customer.language" },
        { """{"serviceId":"SERVICE","expertId":"EXPERT","start":"2026-11-24T09:00:00+02:00","channel":"in_person","servicePointId":"mikkeli","customer":{"email":"m@example.fi","language":"fi"}}""", "customer.name" },
        { """{"expertId":"EXPERT","start":"2026-11-24T09:00:00+02:00","channel":"in_person","servicePointId":"mikkeli","customer":{"name":"M","email":"m@example.fi","language":"fi"}}""", "serviceId" },
        { """{"serviceId":"00000000-0000-0000-0000-000000000001","expertId":"EXPERT","start":"2026-11-24T09:00:00+02:00","channel":"in_person","servicePointId":"mikkeli","customer":{"name":"M","email":"m@example.fi","language":"fi"}}""", "serviceId" },
        { """{"serviceId":"SERVICE","start":"2026-11-24T13:00:00+02:00","channel":"in_person","servicePointId":"mikkeli","customer":{"name":"M","email":"m@example.fi","language":"fi"}}""", "start" },
        { """{"serviceId":"SERVICE","expertId":"EXPERT","start":"2026-11-24T09:03:00+02:00","channel":"in_person","servicePointId":"mikkeli","customer":{"name":"M","email":"m@example.fi","language":"fi"}}""", "start" },
        { """{"serviceId":"SERVICE","expertId":"EXPERT","start":"2026-11-24T13:00:00+02:00","channel":"in_person","servicePointId":"mikkeli","customer":{"name":"M","email":"m@example.fi","language":"fi"}}""", "start" },
        { """{"serviceId":"SERVICE","expertId":"EXPERT","start":"2026-11-23T10:00:00+02:00","channel":"in_person","servicePointId":"mikkeli","customer":{"name":"M","email":"m@example.fi","language":"fi"}}""", "start" },
        { """{"serviceId":"SERVICE","expertId":"EXPERT","start":"2026-11-24T09:00:00+02:00","channel":"carrier_pigeon","servicePointId":"mikkeli","customer":{"name":"M","email":"m@example.fi","language":"fi"}}""", "channel" },
        { """{"serviceId":"SERVICE","expertId":"EXPERT","start":"tomorrow","channel":"in_person","servicePointId":"mikkeli","customer":{"name":"M","email":"m@example.fi","language":"fi"}}""", "start" },
    };

    [Theory]
    [MemberData(nameof(InvalidBookings))]
    public async Task InvalidBookingAnswers400NamingTheField(string json, string field)
    {
        await using var world = await BookingWorld.CreateAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/bookings")
        {
            Content = new StringContent(json.Replace("SERVICE", world.ServiceId.ToString()).Replace("EXPERT", world.Expert.ToString()),
                System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());

        var response = await world.App.CreateClient().SendAsync(request);

        await response.AssertValidationErrorAsync(field);
        await using var c = await world.App.Db.OpenAsync(TestContext.Current.CancellationToken);
        Assert.Equal(0, await c.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM BookedUnits"));
    }
}
