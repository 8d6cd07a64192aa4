using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ajanvaraus.Api.Identity;
using Ajanvaraus.Api.Tests.Bookings;
using Ajanvaraus.Api.Tests.Infrastructure;

namespace Ajanvaraus.Api.Tests.Statistics;

// A scripted Tuesday 2026-11-24 at Mikkeli, made through the API. Kela (two experts) and Vero serve there. Booked on
// Monday 10:00: Kela 09:00 completed, 09:00 no-show, 10:00 cancelled by the customer, 10:00 remote_at_point cancelled
// by the adviser, 11:00 video completed by the agency (no point); Vero 09:00 booked by the adviser, completed. Walk-ins
// on Tuesday: Kela at the counter twice (one corrected away), Kela remote_at_point once, Vero self-service once.
public static class StatisticsDay
{
    public static async Task<BookingWorld> CreateAsync()
    {
        var world = await BookingWorld.CreateAsync(experts: 2, otherAgencies: ["vero"]);
        var op = world.App.Operator();
        await Ok(op.PostAsJsonAsync("/api/v1/transaction-types", new
        {
            id = "neuvonta", names = new { fi = "Yleisneuvonta", sv = "Allmän rådgivning", en = "General guidance" },
        }));
        await Ok(op.PostAsJsonAsync("/api/v1/transaction-types", new
        {
            id = "kela-etuus", providerId = "kela",
            names = new { fi = "Etuushakemus", sv = "Förmånsansökan", en = "Benefit application" },
        }));

        var adviser = world.App.Adviser("mikkeli");
        var completed = await BookAsync(world, BookingWorld.Tuesday(9), world.Experts[0]);
        var noShow = await BookAsync(world, BookingWorld.Tuesday(9), world.Experts[1]);
        var byCustomer = await world.BookOkAsync(world.Booking(BookingWorld.Tuesday(10), expert: world.Experts[0]));
        var byStaff = await BookAsync(world, BookingWorld.Tuesday(10), world.Experts[1], "remote_at_point");
        var video = await BookAsync(world, BookingWorld.Tuesday(11), world.Experts[0], "video");
        var (veroService, veroExpert) = world.Agencies["vero"];
        var vero = (await (await world.BookAsync(new
        {
            serviceId = veroService, expertId = veroExpert, start = BookingWorld.Tuesday(9), channel = "in_person",
            servicePointId = "mikkeli", customer = new { name = "Asiakas", language = "fi" },
        }, client: adviser)).ReadJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();

        await Ok(world.App.CreateClient().SendAsync(BookingWorld.WithToken(HttpMethod.Post,
            $"/api/v1/bookings/{byCustomer.GetProperty("id").GetGuid()}/cancel", byCustomer.GetProperty("manageToken").GetString()!, new { })));
        await Ok(adviser.PostAsJsonAsync($"/api/v1/bookings/{byStaff}/cancel", new { reason = "Asiakas soitti" }));

        world.Clock.SetUtcNow(BookingWorld.Tuesday(9, 5));
        adviser = world.App.Adviser("mikkeli");
        await Ok(adviser.PostAsync($"/api/v1/bookings/{completed}/check-in", null));
        await Ok(adviser.PostAsync($"/api/v1/bookings/{vero}/check-in", null));
        world.Clock.SetUtcNow(BookingWorld.Tuesday(9, 40));
        await Ok(adviser.PostAsync($"/api/v1/bookings/{completed}/complete", null));
        await Ok(adviser.PostAsync($"/api/v1/bookings/{vero}/complete", null));
        await Ok(adviser.PostAsync($"/api/v1/bookings/{noShow}/no-show", null));
        world.Clock.SetUtcNow(BookingWorld.Tuesday(11, 30));
        await Ok(world.App.AgencyAdmin("kela").PostAsync($"/api/v1/bookings/{video}/complete", null));

        world.Clock.SetUtcNow(BookingWorld.Tuesday(13));
        adviser = world.App.Adviser("mikkeli");
        await EventAsync(adviser, "kela", "neuvonta", "counter");
        var mistake = await EventAsync(adviser, "kela", "neuvonta", "counter");
        await EventAsync(adviser, "kela", "kela-etuus", "remote_at_point");
        await EventAsync(adviser, "vero", "neuvonta", "self_service");
        Assert.Equal(HttpStatusCode.NoContent, (await adviser.DeleteAsync($"/api/v1/service-points/mikkeli/service-events/{mistake}")).StatusCode);
        return world;
    }

    public static async Task<Guid> EventAsync(HttpClient client, string provider, string type, string channel, DateTimeOffset? at = null) =>
        (await (await client.PostAsJsonAsync("/api/v1/service-points/mikkeli/service-events", new
        {
            providerId = provider, transactionType = type, channel, at,
        })).ReadJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();

    public static HttpClient OtherAdviser(BookingWorld world) =>
        world.App.ClientAs(new TokenRequest(Roles.Adviser, ServicePoint: "mikkeli", Subject: "toinen-neuvoja"));

    public static async Task<JsonElement> Ok(Task<HttpResponseMessage> call)
    {
        var response = await call;
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement;
    }

    private static async Task<Guid> BookAsync(BookingWorld world, DateTimeOffset start, Guid expert, string channel = "in_person") =>
        (await world.BookOkAsync(world.Booking(start, channel, expert))).GetProperty("id").GetGuid();
}
