using System.Net;
using Ajanvaraus.Api.Tests.Bookings;
using Ajanvaraus.Api.Tests.Infrastructure;
using Ical.Net;
using Ical.Net.DataTypes;

namespace Ajanvaraus.Api.Tests.Calendars;

public sealed class BookingCalendarTests
{
    // Finland leaves summer time on Sunday 2026-10-25 at 04:00; 10:00 that day is +02:00, i.e. 08:00 UTC.
    private static readonly DateTimeOffset DstSunday = new(2026, 10, 25, 10, 0, 0, TimeSpan.FromHours(2));

    [Fact]
    public async Task CalendarFileParsesBackWithTheLocalTimeOnADstChangeDay()
    {
        await using var world = await BookingWorld.CreateAsync(now: DateTimeOffset.Parse("2026-10-19T08:00:00Z"),
            days: "MO,TU,WE,TH,FR,SA,SU");
        var booking = await world.BookOkAsync(world.Booking(DstSunday, customer: new { name = "Anna Åberg", email = "anna@example.fi",
            language = "sv" }));

        var calendar = await IcsAsync(world, booking);

        var ev = Assert.Single(calendar.Events);
        Assert.Equal($"{booking.GetProperty("id").GetGuid()}@ajanvaraus", ev.Uid);
        Assert.Equal("Europe/Helsinki", ev.DtStart!.TzId);
        Assert.Equal(new DateTime(2026, 10, 25, 10, 0, 0), ev.DtStart.Value);
        Assert.Equal(new DateTime(2026, 10, 25, 8, 0, 0, DateTimeKind.Utc), ev.DtStart.AsUtc);
        Assert.Equal(new DateTime(2026, 10, 25, 8, 45, 0, DateTimeKind.Utc), ev.DtEnd!.AsUtc);
        Assert.Single(calendar.TimeZones);
        Assert.StartsWith("Tidsbokning: Rådgivning om bostadsbidrag (FPA)", ev.Summary);
        Assert.Contains(booking.GetProperty("reference").GetString()!, ev.Description);
        Assert.Contains("Maaherrankatu 9, 50100 Mikkeli", ev.Location);
        Assert.Equal("CONFIRMED", ev.Status);
    }

    [Fact]
    public async Task RescheduleKeepsTheUidAndRaisesTheSequenceAndCancelMarksItCancelled()
    {
        await using var world = await BookingWorld.CreateAsync();
        var booking = await world.BookOkAsync(world.Booking(BookingWorld.Tuesday(9)));
        var (id, token) = (booking.GetProperty("id").GetGuid(), booking.GetProperty("manageToken").GetString()!);
        var before = Assert.Single((await IcsAsync(world, booking)).Events);

        await (await world.App.CreateClient().SendAsync(BookingWorld.WithToken(HttpMethod.Post, $"/api/v1/bookings/{id}/reschedule", token,
            new { expertId = world.Expert, start = BookingWorld.Tuesday(10) })))
            .ReadJsonAsync(HttpStatusCode.OK);
        var moved = Assert.Single((await IcsAsync(world, booking)).Events);
        await (await world.App.CreateClient().SendAsync(BookingWorld.WithToken(HttpMethod.Post, $"/api/v1/bookings/{id}/cancel",
            token))).ReadJsonAsync(HttpStatusCode.OK);
        var cancelled = Assert.Single((await IcsAsync(world, booking)).Events);

        Assert.Equal(before.Uid, moved.Uid);
        Assert.Equal(before.Uid, cancelled.Uid);
        Assert.True(moved.Sequence > before.Sequence);
        Assert.True(cancelled.Sequence > moved.Sequence);
        Assert.Equal(new DateTime(2026, 11, 24, 10, 0, 0), moved.DtStart!.Value);
        Assert.Equal("CANCELLED", cancelled.Status);
    }

    [Fact]
    public async Task CalendarNeedsTheManageToken()
    {
        await using var world = await BookingWorld.CreateAsync();
        var booking = await world.BookOkAsync(world.Booking(BookingWorld.Tuesday(9)));
        var response = await world.App.CreateClient().GetAsync($"/api/v1/bookings/{booking.GetProperty("id").GetGuid()}/calendar.ics?token=nope");
        await response.AssertProblemAsync(HttpStatusCode.NotFound);
    }

    private static async Task<Calendar> IcsAsync(BookingWorld world, System.Text.Json.JsonElement booking)
    {
        var token = Uri.EscapeDataString(booking.GetProperty("manageToken").GetString()!);
        var response = await world.App.CreateClient().GetAsync($"/api/v1/bookings/{booking.GetProperty("id").GetGuid()}/calendar.ics?token={token}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        return Calendar.Load(await response.Content.ReadAsStringAsync())!;
    }
}
