using Ajanvaraus.Api.Availability;
using Ajanvaraus.Api.Calendars.Sources;
using Ajanvaraus.Api.Data;
using Ajanvaraus.Api.Tests.Bookings;
using Ajanvaraus.Api.Tests.Data;
using Ajanvaraus.Api.Tests.Infrastructure;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace Ajanvaraus.Api.Tests.Calendars;

// A sync's busy times: written in one statement whatever their number, replaced only when they differ, and stored
// clustered by source (0016).
public sealed class BusyTimeStorageTests
{
    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task ThousandsOfBusyTimesAreStoredAsParsedAndReplacedOnlyWhenTheyChange(Engine engine)
    {
        await using var world = await BookingWorld.CreateAsync(engine);
        var ct = TestContext.Current.CancellationToken;
        var store = world.App.Services.GetRequiredService<CalendarSourceStore>();
        var source = new CalendarSourceRow
        {
            Id = Guid.NewGuid(), ExpertId = world.Expert, Name = "Outlook", Url = "https://example.fi/c.ics",
        };
        await world.App.Db.WriteAsync(scope => scope.ExecuteAsync(
            "INSERT INTO CalendarSources (Id, ExpertId, Name, Url, CreatedAt) VALUES (@Id, @ExpertId, @Name, @Url, @Now)",
            new { source.Id, source.ExpertId, source.Name, source.Url, scope.Now }), ct);
        var first = BookingWorld.Now.AddDays(1);
        var busy = Enumerable.Range(0, 3000).Select(i => new TimeInterval(first.AddMinutes(30 * i), first.AddMinutes((30 * i) + 15)))
            .ToList();
        var fetched = new FetchOutcome(FetchStatus.Fetched, "", null, null, null);

        Assert.True(await store.RecordSuccessAsync(source, busy, fetched, "2026-11-23", BookingWorld.Now, ct));
        Assert.False(await store.RecordSuccessAsync(source, busy, fetched, "2026-11-23", BookingWorld.Now, ct));
        Assert.Equal(busy, await StoredAsync());
        var fewer = busy.Skip(1000).ToList();
        Assert.True(await store.RecordSuccessAsync(source, fewer, fetched, "2026-11-23", BookingWorld.Now, ct));
        Assert.Equal(fewer, await StoredAsync());

        async Task<List<TimeInterval>> StoredAsync()
        {
            await using var c = await world.App.Db.OpenAsync(ct);
            return (await c.QueryAsync<(DateTimeOffset S, DateTimeOffset E)>(CalendarSourceStore.BusyOfSourceSql, new { source.Id }))
                .Select(r => new TimeInterval(r.S, r.E)).ToList();
        }
    }

    [Fact]
    public void OnSqlServerTheBusyTimesGoInOneOpenJsonInsertIntoAClusteredTable()
    {
        var insert = Assert.Single(TSql.All<InsertStatement>(CalendarSourceStore.InsertBusySql.SqlServer));
        Assert.Contains(TSql.All<OpenJsonTableReference>(insert), _ => true);

        var migration = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "db", "sqlserver", "0016_calendar_busy_clustered.sql"));
        var key = TSql.All<UniqueConstraintDefinition>(migration).Single(k => k.IsPrimaryKey);
        Assert.True(key.Clustered);
        Assert.Equal(["SourceId", "StartsAt", "EndsAt"], key.Columns.Select(c => c.Column.MultiPartIdentifier.Identifiers[^1].Value));
    }

    [Fact]
    public async Task OnSqliteTheBusyTimesTableIsClusteredOnItsKey()
    {
        await using var app = new AjanvarausApp();
        await using var c = await app.Db.OpenAsync(TestContext.Current.CancellationToken);
        var sql = await c.ExecuteScalarAsync<string>("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'CalendarBusyTimes'");

        Assert.Contains("WITHOUT ROWID", sql);
        Assert.Contains("PRIMARY KEY (SourceId, StartsAt, EndsAt)", sql);
    }
}
