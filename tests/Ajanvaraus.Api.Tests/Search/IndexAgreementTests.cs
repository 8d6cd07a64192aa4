using System.Net;
using System.Net.Http.Json;
using Ajanvaraus.Api.Tests.Bookings;
using Ajanvaraus.Api.Tests.Infrastructure;
using CsCheck;

namespace Ajanvaraus.Api.Tests.Search;

// The in-memory index against the tables, on two instances of one database: random writes through the API
// (bookings, cancels, holds, absences, closures, rules created, edited and deleted, opening hours, rooms retired and
// back, services leaving and rejoining an expert) and the clock moving on. After every step each expert's offered
// times equal IndexReference's answer from the rows: at once on the writing instance, within a poll on the other.
public sealed class IndexAgreementTests
{
    private static readonly DateOnly Day = new(2026, 11, 24);

    [Fact]
    public async Task AfterEveryRandomWriteBothInstancesOfferExactlyWhatTheTablesAllow()
    {
        var step = Gen.Select(Gen.Int[0, 10], Gen.Int[0, 11], Gen.Int[0, 2]);
        await step.Array[8, 14].SampleAsync(async steps =>
        {
            await using var world = await BookingWorld.CreateAsync(experts: 3);
            await using var other = new AjanvarausApp(Engine.Sqlite, new Dictionary<string, string?>
            {
                ["Database:ConnectionString"] = world.App.Db.ConnectionString,
                ["Availability:IndexPollMilliseconds"] = "100",
            }, world.Clock);
            var state = await WorldSteps.StartAsync(world);
            foreach (var (kind, slot, expert) in steps)
            {
                await state.ApplyAsync(kind, BookingWorld.Tuesday(9).AddMinutes(15 * slot), world.Experts[expert], slot);
                foreach (var id in world.Experts)
                {
                    var expected = await IndexReference.OfferedAsync(world.App, world.ServiceId, id, Day, world.Clock.GetUtcNow());
                    Assert.Equal(expected, await OfferedAsync(world.App, world.ServiceId, id));
                    Assert.Equal(expected, await EventuallyAsync(() => OfferedAsync(other, world.ServiceId, id), expected));
                }
            }
        }, iter: 4, threads: 1);
    }

    // The other instance follows the change log every 100 ms; two seconds leave room for a busy machine.
    private static async Task<List<string>> EventuallyAsync(Func<Task<List<string>>> read, List<string> expected)
    {
        var until = DateTime.UtcNow.AddSeconds(2);
        var seen = await read();
        while (!seen.SequenceEqual(expected) && DateTime.UtcNow < until)
        {
            await Task.Delay(25);
            seen = await read();
        }

        return seen;
    }

    private static async Task<List<string>> OfferedAsync(AjanvarausApp app, Guid service, Guid expert) =>
        (await (await app.CreateClient().GetAsync($"/api/v1/availability?service={service}&servicePoint=mikkeli"
                + $"&from={Day:yyyy-MM-dd}&to={Day:yyyy-MM-dd}&expert={expert}&limit=500"))
            .ReadJsonAsync(HttpStatusCode.OK))
        .GetProperty("items").EnumerateArray()
        .Select(i => $"{i.GetProperty("start").GetDateTimeOffset().UtcDateTime:O} {i.GetProperty("channel").GetString()}")
        .Order(StringComparer.Ordinal).ToList();
}
