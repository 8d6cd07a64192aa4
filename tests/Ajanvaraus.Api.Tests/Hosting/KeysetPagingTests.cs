using System.Net;
using Ajanvaraus.Api.Tests.Bookings;
using Ajanvaraus.Api.Tests.Infrastructure;

namespace Ajanvaraus.Api.Tests.Hosting;

// Later pages run their own text (seeking to the cursor): they must still list every item once, ties on the start
// time included (issue 17, item 9).
public sealed class KeysetPagingTests
{
    [Fact]
    public async Task PagingAgencyBookingsOneByOneListsEachOnceAcrossEqualStarts()
    {
        await using var world = await BookingWorld.CreateAsync(experts: 3);
        var booked = new List<string>();
        foreach (var hour in new[] { 9, 10 })
        {
            foreach (var expert in world.Experts)
            {
                var booking = await world.BookOkAsync(world.Booking(BookingWorld.Tuesday(hour), expert: expert));
                booked.Add(booking.GetProperty("id").GetString()!);
            }
        }

        var admin = world.App.AgencyAdmin("kela");
        var seen = new List<string>();
        string? cursor = null;
        do
        {
            var url = "/api/v1/providers/kela/bookings?from=2026-11-24&to=2026-11-24&limit=1" + (cursor is null ? "" : "&cursor=" + cursor);
            var page = await (await admin.GetAsync(url)).ReadJsonAsync(HttpStatusCode.OK);
            seen.AddRange(page.GetProperty("items").EnumerateArray().Select(b => b.GetProperty("id").GetString()!));
            cursor = page.TryGetProperty("nextCursor", out var next) ? next.GetString() : null;
        }
        while (cursor is not null && seen.Count <= booked.Count);

        Assert.Equal(booked.Order(), seen.Order());
        Assert.Equal(booked.Count, seen.Distinct().Count());
    }
}
