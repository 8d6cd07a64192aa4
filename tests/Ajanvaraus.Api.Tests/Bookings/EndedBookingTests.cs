using System.Net;
using System.Net.Http.Json;
using Ajanvaraus.Api.Tests.Infrastructure;

namespace Ajanvaraus.Api.Tests.Bookings;

// A booking whose end has passed, or whose customer data was purged, is history (issue 22, item 10): an operator once
// moved a purged booking back into the future, and the citizen's old manage token then opened it again.
public sealed class EndedBookingTests
{
    private static HttpClient English(HttpClient client)
    {
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        return client;
    }

    [Fact]
    public async Task StaffCannotMoveOrCancelABookingWhoseEndHasPassed()
    {
        await using var world = await BookingWorld.CreateAsync();
        var booking = await world.BookOkAsync(world.Booking(BookingWorld.Tuesday(9)));
        var id = booking.GetProperty("id").GetGuid();
        // Tuesday 10:00: the 09:00-09:45 appointment is over.
        world.Clock.SetUtcNow(BookingWorld.Tuesday(10));

        foreach (var staff in new[] { English(world.App.Operator()), English(world.App.Adviser("mikkeli")) })
        {
            var move = await staff.PostAsJsonAsync($"/api/v1/bookings/{id}/reschedule",
                new { start = BookingWorld.Tuesday(9).AddDays(1), reason = "Asiakas pyysi" });
            var cancel = await staff.PostAsJsonAsync($"/api/v1/bookings/{id}/cancel", new { reason = "Asiakas pyysi" });

            Assert.Equal("Appointment is over", (await move.AssertProblemAsync(HttpStatusCode.Conflict)).GetProperty("title").GetString());
            Assert.Equal("Appointment is over", (await cancel.AssertProblemAsync(HttpStatusCode.Conflict)).GetProperty("title").GetString());
        }

        var now = await (await world.App.Operator().GetAsync($"/api/v1/bookings/{id}")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal("confirmed", now.GetProperty("status").GetString());
        Assert.Equal(BookingWorld.Tuesday(9), now.GetProperty("start").GetDateTimeOffset());
        // What happened is still recorded: the customer did not come.
        Assert.Equal(HttpStatusCode.OK, (await world.App.Adviser("mikkeli").PostAsync($"/api/v1/bookings/{id}/no-show", null)).StatusCode);
    }

    [Fact]
    public async Task ABookingThatHasNotEndedIsStillMovedByStaffAfterTheCutoff()
    {
        await using var world = await BookingWorld.CreateAsync();
        var id = (await world.BookOkAsync(world.Booking(BookingWorld.Tuesday(9)))).GetProperty("id").GetGuid();
        world.Clock.SetUtcNow(BookingWorld.Tuesday(9, 40));

        var move = await world.App.Operator().PostAsJsonAsync($"/api/v1/bookings/{id}/reschedule",
            new { start = BookingWorld.Tuesday(10), reason = "Asiakas myöhästyi" });

        Assert.Equal(HttpStatusCode.OK, move.StatusCode);
    }

    [Fact]
    public async Task APurgedBookingIsNotMovedBackIntoTheFutureNorChangedAndItsOldTokenOpensNothing()
    {
        await using var world = await BookingWorld.CreateAsync();
        var op = world.App.Operator();
        Assert.Equal(HttpStatusCode.OK, (await op.PutAsJsonAsync("/api/v1/providers/kela", new
        {
            names = new { fi = "Kela", sv = "FPA", en = "Kela" }, retentionDays = 1,
        })).StatusCode);
        var booking = await world.BookOkAsync(world.Booking(BookingWorld.Tuesday(9)));
        var (id, token) = (booking.GetProperty("id").GetGuid(), booking.GetProperty("manageToken").GetString()!);
        world.Clock.SetUtcNow(DateTimeOffset.Parse("2026-11-26T06:00:00Z"));
        op = English(world.App.Operator());
        var purge = await (await op.PostAsync("/api/v1/privacy/purge", null)).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(1, purge.GetProperty("anonymizedBookings").GetInt32());

        // Friday 2026-11-27 09:00 is free and ahead.
        var move = await op.PostAsJsonAsync($"/api/v1/bookings/{id}/reschedule",
            new { start = BookingWorld.Tuesday(9).AddDays(3), reason = "Palautus" });
        var noShow = await op.PostAsync($"/api/v1/bookings/{id}/no-show", null);
        var citizen = world.App.CreateClient();
        var read = await citizen.SendAsync(BookingWorld.WithToken(HttpMethod.Get, $"/api/v1/bookings/{id}", token));
        var cancel = await citizen.SendAsync(BookingWorld.WithToken(HttpMethod.Post, $"/api/v1/bookings/{id}/cancel", token, new { }));

        Assert.Equal("Customer data removed", (await move.AssertProblemAsync(HttpStatusCode.Conflict)).GetProperty("title").GetString());
        Assert.Equal("Customer data removed", (await noShow.AssertProblemAsync(HttpStatusCode.Conflict)).GetProperty("title").GetString());
        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, cancel.StatusCode);
        var kept = await (await op.GetAsync($"/api/v1/bookings/{id}")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(BookingWorld.Tuesday(9), kept.GetProperty("start").GetDateTimeOffset());
        Assert.Equal("confirmed", kept.GetProperty("status").GetString());
    }
}
