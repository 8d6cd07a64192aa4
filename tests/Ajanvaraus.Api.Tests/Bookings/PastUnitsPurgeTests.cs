using System.Net;
using Ajanvaraus.Api.Bookings;
using Ajanvaraus.Api.Tests.Data;
using Ajanvaraus.Api.Tests.Infrastructure;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace Ajanvaraus.Api.Tests.Bookings;

// Units of bookings that ended over a day ago go (the table would otherwise grow forever); the booking keeps its times,
// and nothing current or future changes.
public sealed class PastUnitsPurgeTests
{
    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task UnitsOfABookingThatEndedOverADayAgoGoAndEverythingElseStays(Engine engine)
    {
        await using var world = await BookingWorld.CreateAsync(engine);
        var ended = await world.BookOkAsync(world.Booking(BookingWorld.Tuesday(9), "remote_at_point"));
        var recent = await world.BookOkAsync(world.Booking(BookingWorld.Tuesday(11)));
        var future = await world.BookOkAsync(world.Booking(BookingWorld.Tuesday(9).AddDays(7)));
        // Wednesday 10:00 in Mikkeli: the 09:00 booking ended 24 h 15 min ago, the 11:00 one 22 h 15 min ago.
        world.Clock.SetUtcNow(BookingWorld.Tuesday(10).AddDays(1));

        await world.App.Services.GetRequiredService<PurgeJobs>().PurgeExpiredAsync(TestContext.Current.CancellationToken);

        await using var c = await world.App.Db.OpenAsync(TestContext.Current.CancellationToken);
        Assert.Equal(0, await Units(ended));
        Assert.Equal(9, await Units(recent));
        Assert.Equal(9, await Units(future));
        var id = ended.GetProperty("id").GetGuid();
        var read = await (await world.App.CreateClient().SendAsync(BookingWorld.WithToken(HttpMethod.Get, $"/api/v1/bookings/{id}",
            ended.GetProperty("manageToken").GetString()!))).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(BookingWorld.Tuesday(9), read.GetProperty("start").GetDateTimeOffset());
        // The future booking's time is still taken, in the index and in the table.
        Assert.Equal(HttpStatusCode.Conflict, (await world.BookAsync(world.Booking(BookingWorld.Tuesday(9).AddDays(7)))).StatusCode);

        Task<int> Units(System.Text.Json.JsonElement booking) => c.ExecuteScalarAsync<int>(
            "SELECT COUNT(*) FROM BookedUnits WHERE BookingId = @id", new { id = booking.GetProperty("id").GetGuid() });
    }

    [Fact]
    public void TheSqlServerPurgeSeeksByResourceAndDeletesATopBatch()
    {
        var delete = Assert.Single(TSql.All<DeleteStatement>(PastUnitsPurge.DeleteSql.SqlServer));

        Assert.NotNull(delete.DeleteSpecification.TopRowFilter);
        var columns = TSql.All<ColumnReferenceExpression>(delete.DeleteSpecification.WhereClause)
            .Select(c => c.MultiPartIdentifier.Identifiers[^1].Value).ToList();
        Assert.Contains("ResourceId", columns);
        Assert.Contains("UnitStart", columns);
    }
}
