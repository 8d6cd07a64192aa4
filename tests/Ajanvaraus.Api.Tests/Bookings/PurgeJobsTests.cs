using System.Net;
using System.Net.Http.Json;
using Ajanvaraus.Api.Bookings;
using Ajanvaraus.Api.Data;
using Ajanvaraus.Api.Tests.Infrastructure;
using Dapper;
using Microsoft.Extensions.DependencyInjection;

namespace Ajanvaraus.Api.Tests.Bookings;

public sealed class PurgeJobsTests
{
    [Fact]
    public async Task ExpiredHoldsAndKeysGoInBatchesWhileLiveOnesAndBookingsStay()
    {
        await using var world = await BookingWorld.CreateAsync();
        var old = await HoldAsync(world, BookingWorld.Tuesday(9));
        await world.BookOkAsync(world.Booking(BookingWorld.Tuesday(11)));
        await using var c = await world.App.Db.OpenAsync(TestContext.Current.CancellationToken);
        var expiredKeys = PurgeJobs.BatchSize * 2 + 50;
        await c.ExecuteAsync(
            "INSERT INTO IdempotencyKeys (Scope, IdempotencyKey, RequestHash, CreatedAt, ExpiresAt) VALUES ('test', @Key, 'h', @At, @At)",
            Enumerable.Range(0, expiredKeys).Select(i => new { Key = $"k{i}",
                At = DapperTypeHandlers.ToSqliteText(BookingWorld.Now.AddHours(-1)) }));

        world.Clock.Advance(TimeSpan.FromHours(2));
        var live = await HoldAsync(world, BookingWorld.Tuesday(10));
        var (holds, keys) = await world.App.Services.GetRequiredService<PurgeJobs>().PurgeExpiredAsync(TestContext.Current.CancellationToken);

        Assert.Equal((1, expiredKeys), (holds, keys));
        Assert.Equal([live], (await c.QueryAsync<Guid>("SELECT Id FROM Holds")).ToList());
        Assert.Equal(0, await c.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM BookedUnits WHERE HoldId = @old", new { old }));
        Assert.Equal(9, await c.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM BookedUnits WHERE HoldId = @live", new { live }));
        Assert.Equal(9, await c.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM BookedUnits WHERE BookingId IS NOT NULL"));
        Assert.Equal(1, await c.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM IdempotencyKeys"));
    }

    private static async Task<Guid> HoldAsync(BookingWorld world, DateTimeOffset start) =>
        (await (await world.App.CreateClient().PostAsJsonAsync("/api/v1/holds", new
        {
            serviceId = world.ServiceId, expertId = world.Expert, start, channel = "in_person", servicePointId = "mikkeli",
        })).ReadJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();
}
