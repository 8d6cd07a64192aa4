using System.Net;
using System.Net.Http.Json;
using Ajanvaraus.Api.Hosting;
using Ajanvaraus.Api.Tests.Bookings;
using Ajanvaraus.Api.Tests.Infrastructure;

namespace Ajanvaraus.Api.Tests.Security;

public sealed class LogRedactionTests
{
    private const string Name = "Maija Meikäläinen";
    private const string Email = "maija.meikalainen@example.fi";
    private const string Phone = "040 765 4321";
    private const string Notes = "Tuo mukaan vuokrasopimus ja tiliotteet";
    private const string WalkIn = "Matti Virtanen";
    private const string WalkInPhone = "050 111 2233";
    private const string Reason = "Asiakas soitti: Matti on sairaana";

    [Fact]
    public async Task TheCitizenAndAdviserFlowsAtDebugLogNoPersonalValue()
    {
        using var logs = InMemoryLogs.New();
        await using var world = await BookingWorld.CreateAsync(settings: new Dictionary<string, string?>
        {
            [InMemoryLogs.Setting] = logs.Name,
            ["Logging:LogLevel:Default"] = "Debug",
            ["Logging:LogLevel:Microsoft"] = "Debug",
            ["Logging:LogLevel:Microsoft.AspNetCore"] = "Debug",
        });
        var citizen = world.App.CreateClient();
        var secrets = new List<string> { Name, "Meikäläinen", Email, Phone, "0407654321", "+358407654321", Notes, WalkIn, Reason,
            WalkInPhone, "0501112233", "+358501112233" };

        // The citizen: search, hold, confirm, read with the e-mail link's ?token=, move, fetch the .ics, cancel.
        var slots = await citizen.GetAsync(
            $"/api/v1/availability?service={world.ServiceId}&servicePoint=mikkeli&channel=in_person&limit=5");
        Assert.Equal(HttpStatusCode.OK, slots.StatusCode);
        var hold = await (await citizen.PostAsJsonAsync("/api/v1/holds", new
        {
            serviceId = world.ServiceId, expertId = world.Expert, start = BookingWorld.Tuesday(9), channel = "in_person",
            servicePointId = "mikkeli",
        })).ReadJsonAsync(HttpStatusCode.Created);
        var holdToken = hold.GetProperty("holdToken").GetString()!;
        var booking = await (await world.BookAsync(new
        {
            holdId = hold.GetProperty("id").GetGuid(), holdToken,
            customer = new { name = Name, email = Email, phone = Phone, language = "fi" },
            notes = Notes,
        })).ReadJsonAsync(HttpStatusCode.Created);
        var id = booking.GetProperty("id").GetString();
        var token = booking.GetProperty("manageToken").GetString()!;
        secrets.AddRange([token, holdToken, Uri.EscapeDataString(token)]);

        Assert.Equal(HttpStatusCode.OK, (await citizen.GetAsync($"/api/v1/bookings/{id}?token={token}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await citizen.GetAsync($"/api/v1/bookings/{id}?token=wrong{token}")).StatusCode);
        var moved = await citizen.SendAsync(BookingWorld.WithToken(HttpMethod.Post, $"/api/v1/bookings/{id}/reschedule", token,
            new { expertId = world.Expert, start = BookingWorld.Tuesday(10, 30), channel = "in_person", servicePointId = "mikkeli" }));
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await citizen.GetAsync($"/api/v1/bookings/{id}/calendar.ics?token={token}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK,
            (await citizen.SendAsync(BookingWorld.WithToken(HttpMethod.Post, $"/api/v1/bookings/{id}/cancel", token, new { }))).StatusCode);

        // The adviser: the day, a walk-in with a name and a phone, a move with a reason, the history.
        var adviser = world.App.Adviser("mikkeli");
        Assert.Equal(HttpStatusCode.OK, (await adviser.GetAsync("/api/v1/service-points/mikkeli/agenda?date=2026-11-24")).StatusCode);
        var walkIn = await (await world.BookAsync(world.Booking(BookingWorld.Tuesday(11, 15),
            customer: new { name = WalkIn, phone = WalkInPhone, language = "fi" }), client: adviser)).ReadJsonAsync(HttpStatusCode.Created);
        var walkInId = walkIn.GetProperty("id").GetString();
        var cancel = await adviser.PostAsJsonAsync($"/api/v1/bookings/{walkInId}/cancel", new { reason = Reason });
        Assert.Equal(HttpStatusCode.OK, cancel.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await adviser.GetAsync($"/api/v1/bookings/{walkInId}/history")).StatusCode);

        var all = logs.All;
        Assert.Contains("/api/v1/bookings/", all);
        Assert.Contains("token=[redacted]", all);
        foreach (var secret in secrets)
        {
            Assert.False(all.Contains(secret, StringComparison.OrdinalIgnoreCase), $"A log line holds '{secret}'.");
        }
    }

    [Theory]
    [InlineData("Request starting GET /api/v1/bookings/1?token=abcDEF123_-x&x=1", "token=[redacted]&x=1")]
    [InlineData("550 5.1.1 <maija@example.fi>: mailbox unavailable", "<[email]>")]
    [InlineData("gateway refused +358401234567", "[phone]")]
    [InlineData("number 040 123 4567 invalid", "[phone]")]
    [InlineData("X-Manage-Token: 3q2-7wAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "[secret]")]
    [InlineData("Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln", "[jwt]")]
    public void RedactRecognisesPersonalValues(string text, string expected) =>
        Assert.Contains(expected, LogRedaction.Redact(text));

    [Theory]
    [InlineData("Availability windows are current for 2026-11-24..2027-02-22.")]
    [InlineData("Purged 12 expired holds and 3 expired idempotency keys.")]
    [InlineData("Booking 0193a7c2-5b8e-7c3a-9d1e-2f4a6b8c0d1e at 2026-11-24T09:00:00+02:00 took 1234 ms")]
    [InlineData("Request finished HTTP/1.1 GET /api/v1/providers - 200 (RequestId 0HNA3K7PQ2M1V:00000001)")]
    [InlineData("Connection id \"0HNA3K7PQ2M1V\", Request id \"0HNA3K7PQ2M1V:00000012\": the application completed without reading the body.")]
    public void RedactLeavesOrdinaryLinesAlone(string text) => Assert.Equal(text, LogRedaction.Redact(text));
}
