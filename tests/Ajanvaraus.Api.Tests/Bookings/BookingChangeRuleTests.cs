using System.Net;
using Ajanvaraus.Api.Availability;
using Ajanvaraus.Api.Bookings;
using Ajanvaraus.Api.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Ajanvaraus.Api.Tests.Bookings;

// The rules of changing a booking that a portal relies on: its state, the cut-off, and the loser of a race.
public sealed class BookingChangeRuleTests
{
    [Fact]
    public async Task CancellingOrMovingACancelledBookingAnswers409SayingItIsCancelled()
    {
        await using var world = await BookingWorld.CreateAsync();
        var (id, token) = await BookAsync(world, BookingWorld.Tuesday(9));
        await Send(world, HttpMethod.Post, $"/api/v1/bookings/{id}/cancel", token, new { });

        var again = await Send(world, HttpMethod.Post, $"/api/v1/bookings/{id}/cancel", token, new { });
        var move = await Send(world, HttpMethod.Post, $"/api/v1/bookings/{id}/reschedule", token, new { expertId = world.Expert,
            start = BookingWorld.Tuesday(10) });

        Assert.Equal("The booking is cancelled",
            (await again.AssertProblemAsync(HttpStatusCode.Conflict)).GetProperty("title").GetString());
        Assert.Equal("The booking is cancelled", (await move.AssertProblemAsync(HttpStatusCode.Conflict)).GetProperty("title").GetString());
    }

    [Fact]
    public async Task AMoveThatLosesToACancelIsToldTheBookingIsCancelledAndTakesNoTime()
    {
        // The handler read the booking as confirmed; a cancel commits before the move's transaction begins.
        await using var world = await BookingWorld.CreateAsync();
        var (id, token) = await BookAsync(world, BookingWorld.Tuesday(9));
        var store = world.App.Services.GetRequiredService<BookingStore>();
        var read = (await store.FindAsync(id, TestContext.Current.CancellationToken))!;
        await Send(world, HttpMethod.Post, $"/api/v1/bookings/{id}/cancel", token, new { });

        var target = await world.App.Services.GetRequiredService<SlotChecks>().ResolveAsync(
            new SlotAsk(read.ServiceId, read.ExpertId, BookingWorld.Tuesday(10), Channel.InPerson, "mikkeli"), "move",
            TestContext.Current.CancellationToken);
        var change = await store.MoveAsync(read, target, read.ExpertId, slot => read with { StartsAt = slot.Start, EndsAt = slot.End },
            Actor.Citizen, null, TestContext.Current.CancellationToken);

        Assert.Equal(WriteOutcome.NotConfirmed, change.Outcome);
        Assert.Equal("cancelled", change.Row!.Status);
        Assert.Equal(HttpStatusCode.Created, (await world.BookAsync(world.Booking(BookingWorld.Tuesday(10)))).StatusCode);
    }

    [Fact]
    public async Task ReschedulingAfterTheCutOffAnswers409AndKeepsTheTime()
    {
        await using var world = await BookingWorld.CreateAsync(cancellationCutoffMinutes: 1440);
        var (id, token) = await BookAsync(world, BookingWorld.Tuesday(9));
        world.Clock.SetUtcNow(BookingWorld.Tuesday(9).AddHours(-23));

        var response = await Send(world, HttpMethod.Post, $"/api/v1/bookings/{id}/reschedule", token, new { expertId = world.Expert,
            start = BookingWorld.Tuesday(11) });

        Assert.Equal("Too late to change", (await response.AssertProblemAsync(HttpStatusCode.Conflict)).GetProperty("title").GetString());
        var kept = await (await Send(world, HttpMethod.Get, $"/api/v1/bookings/{id}", token)).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(BookingWorld.Tuesday(9), kept.GetProperty("start").GetDateTimeOffset());
    }

    [Fact]
    public async Task CancellingIsAllowedUpToTheCutOffAndRefusedJustAfterIt()
    {
        await using var world = await BookingWorld.CreateAsync(cancellationCutoffMinutes: 120);
        var (early, earlyToken) = await BookAsync(world, BookingWorld.Tuesday(9));
        var (late, lateToken) = await BookAsync(world, BookingWorld.Tuesday(10));

        world.Clock.SetUtcNow(BookingWorld.Tuesday(7));
        var atTheCutOff = await Send(world, HttpMethod.Post, $"/api/v1/bookings/{early}/cancel", earlyToken, new { });
        world.Clock.SetUtcNow(BookingWorld.Tuesday(8, 1));
        var justAfter = await Send(world, HttpMethod.Post, $"/api/v1/bookings/{late}/cancel", lateToken, new { });

        Assert.Equal(HttpStatusCode.OK, atTheCutOff.StatusCode);
        await justAfter.AssertProblemAsync(HttpStatusCode.Conflict);
    }

    private static async Task<(Guid Id, string Token)> BookAsync(BookingWorld world, DateTimeOffset start)
    {
        var booking = await world.BookOkAsync(world.Booking(start));
        return (booking.GetProperty("id").GetGuid(), booking.GetProperty("manageToken").GetString()!);
    }

    private static Task<HttpResponseMessage> Send(BookingWorld world, HttpMethod method, string path, string token, object? body = null) =>
        world.App.CreateClient().SendAsync(BookingWorld.WithToken(method, path, token, body));
}
