using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ajanvaraus.Api.Tests.Bookings;
using Ajanvaraus.Api.Tests.Infrastructure;

namespace Ajanvaraus.Api.Tests.Advisers;

// An adviser's day at the Mikkeli point: the agenda of every agency, walk-ins booked and moved for them, the history.
public sealed class AdviserDayTests
{
    [Fact]
    public async Task TheAgendaListsEveryAgencysBookingsAtThePointByStartInLocalTime()
    {
        await using var world = await BookingWorld.CreateAsync(otherAgencies: ["vero", "poliisi"]);
        await world.BookOkAsync(world.Booking(BookingWorld.Tuesday(10)));
        foreach (var (agency, hour) in new[] { ("vero", 9), ("poliisi", 11) })
        {
            var (service, expert) = world.Agencies[agency];
            await world.BookOkAsync(new
            {
                serviceId = service, expertId = expert, start = BookingWorld.Tuesday(hour), channel = "in_person",
                    servicePointId = "mikkeli",
                customer = new { name = $"Asiakas {agency}", phone = "040 123 4567", language = "fi" },
            });
        }

        var agenda = await (await world.App.Adviser("mikkeli").GetAsync("/api/v1/service-points/mikkeli/agenda?date=2026-11-24"))
            .ReadJsonAsync(HttpStatusCode.OK);

        var items = agenda.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(["vero", "kela", "poliisi"], items.Select(i => i.GetProperty("providerId").GetString()));
        Assert.Equal(BookingWorld.Tuesday(9), items[0].GetProperty("start").GetDateTimeOffset());
        Assert.Equal("+02:00", items[0].GetProperty("start").GetString()![^6..]);
        Assert.Equal("Asiakas vero", items[0].GetProperty("customer").GetProperty("name").GetString());
        var onlyVero = await (await world.App.Adviser("mikkeli").GetAsync("/api/v1/service-points/mikkeli/agenda?date=2026-11-24&provider=vero"))
            .ReadJsonAsync(HttpStatusCode.OK);
        Assert.Single(onlyVero.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task CancelledBookingsAppearInTheAgendaOnlyWhenAskedFor()
    {
        await using var world = await BookingWorld.CreateAsync();
        var booking = await world.BookOkAsync(world.Booking(BookingWorld.Tuesday(10)));
        await world.App.CreateClient().SendAsync(BookingWorld.WithToken(
            HttpMethod.Post, $"/api/v1/bookings/{booking.GetProperty("id").GetGuid()}/cancel",
                booking.GetProperty("manageToken").GetString()!, new { }));
        var adviser = world.App.Adviser("mikkeli");

        var day = await (await adviser.GetAsync("/api/v1/service-points/mikkeli/agenda?date=2026-11-24")).ReadJsonAsync(HttpStatusCode.OK);
        var cancelled = await (await adviser.GetAsync("/api/v1/service-points/mikkeli/agenda?date=2026-11-24&status=cancelled"))
            .ReadJsonAsync(HttpStatusCode.OK);

        Assert.Empty(day.GetProperty("items").EnumerateArray());
        Assert.Equal("cancelled", Assert.Single(cancelled.GetProperty("items").EnumerateArray()).GetProperty("status").GetString());
    }

    [Fact]
    public async Task AnAdviserBooksAWalkInWithOnlyANameAndWithinTheNotice()
    {
        // Monday 10:00; the service's notice is 60 minutes, the walk-in is seen at 10:15.
        await using var world = await BookingWorld.CreateAsync();
        var body = world.Booking(BookingWorld.Tuesday(10, 15).AddDays(-1), customer: new { name = "Matti Kävijä", language = "fi" });

        var citizen = await world.BookAsync(body);
        var booked = await (await world.BookAsync(body, client: world.App.Adviser("mikkeli"))).ReadJsonAsync(HttpStatusCode.Created);

        await citizen.AssertValidationErrorAsync("start");
        Assert.False(string.IsNullOrEmpty(booked.GetProperty("manageToken").GetString()));
        Assert.False(booked.GetProperty("customer").TryGetProperty("email", out _));
    }

    [Fact]
    public async Task AnAdviserOfAnotherPointCannotBookAVisitHere()
    {
        await using var world = await BookingWorld.CreateAsync();

        var response = await world.BookAsync(world.Booking(BookingWorld.Tuesday(10)), client: world.App.Adviser("kiiminki"));

        await response.AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task HistoryAfterAMoveAndACancelOnBehalfShowsTheAdviserAndTheReasonAndHidesThemFromTheCitizen()
    {
        await using var world = await BookingWorld.CreateAsync();
        var booking = await world.BookOkAsync(world.Booking(BookingWorld.Tuesday(9)));
        var (id, token) = (booking.GetProperty("id").GetGuid(), booking.GetProperty("manageToken").GetString()!);
        var adviser = world.App.Adviser("mikkeli");

        var noReason = await adviser.PostAsJsonAsync($"/api/v1/bookings/{id}/cancel", new { });
        await (await adviser.PostAsJsonAsync($"/api/v1/bookings/{id}/reschedule", new { expertId = world.Expert,
            start = BookingWorld.Tuesday(11), reason = "Asiakas soitti" }))
            .ReadJsonAsync(HttpStatusCode.OK);
        await (await adviser.PostAsJsonAsync($"/api/v1/bookings/{id}/cancel",
            new { reason = "Asiakas peruu" })).ReadJsonAsync(HttpStatusCode.OK);

        await noReason.AssertValidationErrorAsync("reason");
        var staffView = (await (await adviser.GetAsync($"/api/v1/bookings/{id}/history")).ReadJsonAsync(HttpStatusCode.OK)).EnumerateArray().ToList();
        Assert.Equal(["created", "rescheduled", "cancelled"], staffView.Select(e => e.GetProperty("action").GetString()));
        var moved = staffView[1];
        Assert.Equal("adviser", moved.GetProperty("actor").GetProperty("kind").GetString());
        Assert.Equal("mikkeli", moved.GetProperty("actor").GetProperty("servicePointId").GetString());
        Assert.True(moved.GetProperty("onBehalfOfCustomer").GetBoolean());
        Assert.Equal("Asiakas soitti", moved.GetProperty("reason").GetString());
        Assert.Equal(BookingWorld.Tuesday(9), moved.GetProperty("before").GetProperty("start").GetDateTimeOffset());
        Assert.Equal(BookingWorld.Tuesday(11), moved.GetProperty("after").GetProperty("start").GetDateTimeOffset());

        var citizenView = await (await world.App.CreateClient().SendAsync(BookingWorld.WithToken(HttpMethod.Get,
            $"/api/v1/bookings/{id}/history", token)))
            .ReadJsonAsync(HttpStatusCode.OK);
        var hidden = citizenView[1].GetProperty("actor");
        Assert.Equal("adviser", hidden.GetProperty("kind").GetString());
        Assert.False(hidden.TryGetProperty("id", out _));
        Assert.False(hidden.TryGetProperty("servicePointId", out _));
    }

    [Fact]
    public async Task AnAdvisersMoveRacingACitizensCancelAppliesOneAndTellsTheOtherWhy()
    {
        // 50 tries: two experts a weekday, from 09:00 to 11:00 (within the 60-day horizon).
        await using var world = await BookingWorld.CreateAsync(experts: 2);
        var adviser = world.App.Adviser("mikkeli");
        adviser.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        var citizen = world.App.CreateClient();
        var holidays = Ajanvaraus.Api.Availability.FinnishHolidays.Between(new DateOnly(2026, 11, 1), new DateOnly(2027, 2, 1));
        var weekdays = Enumerable.Range(0, 60).Select(d => BookingWorld.Tuesday(9).AddDays(d))
            .Where(d => d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !holidays.Contains(DateOnly.FromDateTime(d.DateTime)))
            .ToList();
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var (start, expert) = (weekdays[attempt / 2], world.Experts[attempt % 2]);
            var booking = await world.BookOkAsync(world.Booking(start, expert: expert));
            var (id, token) = (booking.GetProperty("id").GetGuid(), booking.GetProperty("manageToken").GetString()!);

            var move = adviser.PostAsJsonAsync($"/api/v1/bookings/{id}/reschedule", new { expertId = expert, start = start.AddHours(2),
                reason = "Siirto" });
            var cancel = citizen.SendAsync(BookingWorld.WithToken(HttpMethod.Post, $"/api/v1/bookings/{id}/cancel", token, new { }));
            var answers = await Task.WhenAll(move, cancel);

            Assert.All(answers, a => Assert.True(a.StatusCode is HttpStatusCode.OK or HttpStatusCode.Conflict, $"Got {(int)a.StatusCode}"));
            foreach (var lost in answers.Where(a => a.StatusCode == HttpStatusCode.Conflict))
            {
                var title = (await lost.AssertProblemAsync(HttpStatusCode.Conflict)).GetProperty("title").GetString();
                Assert.True(title is "The booking is cancelled" or "The booking was changed meanwhile", title);
            }

            var final = await (await citizen.SendAsync(BookingWorld.WithToken(HttpMethod.Get, $"/api/v1/bookings/{id}",
                token))).ReadJsonAsync(HttpStatusCode.OK);
            var cancelled = final.GetProperty("status").GetString() == "cancelled";
            Assert.Equal(cancelled, answers[1].StatusCode == HttpStatusCode.OK);
        }
    }
}
