using System.Net;
using System.Net.Http.Json;
using Ajanvaraus.Api.Tests.Bookings;
using Ajanvaraus.Api.Tests.Infrastructure;
using Dapper;

namespace Ajanvaraus.Api.Tests.Security;

public sealed class RetentionPurgeTests
{
    private const string CountOfBookingSql = """
        SELECT (SELECT COUNT(*) FROM Notifications WHERE BookingId = @Id)
             + (SELECT COUNT(*) FROM BookingSecrets WHERE BookingId = @Id)
             + (SELECT COUNT(*) FROM IdempotencyKeys WHERE BookingId = @Id)
        """;

    private const string AnonymizedSql = """
        SELECT AnonymizedAt IS NOT NULL FROM Bookings WHERE Id = @Id
        """;

    private static async Task<(Guid Id, string Token)> BookAsync(BookingWorld world, DateTimeOffset start)
    {
        var booking = await world.BookOkAsync(world.Booking(start, customer: new
        {
            name = "Maija Meikäläinen", email = "maija@example.fi", phone = "040 123 4567", language = "fi",
        }));
        return (booking.GetProperty("id").GetGuid(), booking.GetProperty("manageToken").GetString()!);
    }

    private static async Task<long> TracesAsync(BookingWorld world, Guid id)
    {
        await using var c = await world.App.Db.OpenAsync(CancellationToken.None);
        return await c.ExecuteScalarAsync<long>(CountOfBookingSql, new { Id = id.ToString() });
    }

    [Fact]
    public async Task APastBookingBeyondItsProvidersRetentionLosesItsPersonalDataAndAFutureOneDoesNot()
    {
        await using var world = await BookingWorld.CreateAsync();
        var op = world.App.Operator();
        var rename = await op.PutAsJsonAsync("/api/v1/providers/kela", new
        {
            names = new { fi = "Kela", sv = "FPA", en = "Kela" }, retentionDays = 1,
        });
        Assert.Equal(1, (await rename.ReadJsonAsync(HttpStatusCode.OK)).GetProperty("retentionDays").GetInt32());

        var past = await BookAsync(world, BookingWorld.Tuesday(9));
        var future = await BookAsync(world, BookingWorld.Tuesday(9).AddDays(2));
        Assert.True(await TracesAsync(world, past.Id) > 0);
        // Wednesday 2026-11-25 14:00 UTC: Tuesday's booking ended over a day ago; Thursday's is still ahead.
        world.Clock.SetUtcNow(DateTimeOffset.Parse("2026-11-25T14:00:00Z"));
        op = world.App.Operator();

        var report = await (await op.PostAsync("/api/v1/privacy/purge", null)).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(1, report.GetProperty("anonymizedBookings").GetInt32());
        Assert.Equal(1, report.GetProperty("deletedReplays").GetInt32());
        Assert.True(report.GetProperty("deletedMessages").GetInt32() > 0);

        var purged = await (await op.GetAsync($"/api/v1/bookings/{past.Id}")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal("", purged.GetProperty("customer").GetProperty("name").GetString());
        Assert.False(purged.GetProperty("customer").TryGetProperty("email", out _));
        Assert.False(purged.GetProperty("customer").TryGetProperty("phone", out _));
        Assert.Equal("confirmed", purged.GetProperty("status").GetString());
        Assert.Equal(0, await TracesAsync(world, past.Id));
        await using (var c = await world.App.Db.OpenAsync(CancellationToken.None))
        {
            Assert.True(await c.ExecuteScalarAsync<bool>(AnonymizedSql, new { Id = past.Id.ToString() }));
            Assert.False(await c.ExecuteScalarAsync<bool>(AnonymizedSql, new { Id = future.Id.ToString() }));
        }

        var kept = await (await op.GetAsync($"/api/v1/bookings/{future.Id}")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal("Maija Meikäläinen", kept.GetProperty("customer").GetProperty("name").GetString());
        Assert.True(await TracesAsync(world, future.Id) > 0);

        // Run again: nothing left to do.
        var again = await (await op.PostAsync("/api/v1/privacy/purge", null)).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(0, again.GetProperty("anonymizedBookings").GetInt32());
    }

    [Fact]
    public async Task WithoutARetentionOfItsOwnAProviderKeepsDataForTheDefault180Days()
    {
        await using var world = await BookingWorld.CreateAsync();
        var booking = await BookAsync(world, BookingWorld.Tuesday(9));

        world.Clock.SetUtcNow(DateTimeOffset.Parse("2027-05-20T00:00:00Z"));
        var op = world.App.Operator();
        Assert.Equal(0, (await (await op.PostAsync("/api/v1/privacy/purge", null)).ReadJsonAsync(HttpStatusCode.OK))
            .GetProperty("anonymizedBookings").GetInt32());

        world.Clock.SetUtcNow(DateTimeOffset.Parse("2027-05-25T00:00:00Z"));
        op = world.App.Operator();
        Assert.Equal(1, (await (await op.PostAsync("/api/v1/privacy/purge", null)).ReadJsonAsync(HttpStatusCode.OK))
            .GetProperty("anonymizedBookings").GetInt32());
        var purged = await (await op.GetAsync($"/api/v1/bookings/{booking.Id}")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal("", purged.GetProperty("customer").GetProperty("name").GetString());
    }

    [Fact]
    public async Task OnlyOperatorsRunThePurge()
    {
        await using var world = await BookingWorld.CreateAsync();
        await (await world.App.AgencyAdmin("kela").PostAsync("/api/v1/privacy/purge", null)).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await world.App.CreateClient().PostAsync("/api/v1/privacy/purge", null)).AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task ARetentionOutsideOneToTenYearsAnswers400()
    {
        await using var world = await BookingWorld.CreateAsync();
        var response = await world.App.Operator().PutAsJsonAsync("/api/v1/providers/kela", new
        {
            names = new { fi = "Kela", sv = "FPA", en = "Kela" }, retentionDays = 0,
        });
        await response.AssertValidationErrorAsync("retentionDays");
    }
}
