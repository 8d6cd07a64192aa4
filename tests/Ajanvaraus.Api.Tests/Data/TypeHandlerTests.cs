using Ajanvaraus.Api.Tests.Infrastructure;
using Dapper;

namespace Ajanvaraus.Api.Tests.Data;

public sealed class TypeHandlerTests
{
    private sealed record ClosureRow(Guid Id, DateOnly FirstDay, DateOnly LastDay);

    private sealed record AbsenceRow(Guid Id, DateTimeOffset StartsAt);

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task GuidsInstantsAndDatesRoundTrip(Engine engine)
    {
        await using var app = new AjanvarausApp(engine);
        _ = app.CreateClient();
        var ct = TestContext.Current.CancellationToken;
        await using var c = await app.Db.OpenAsync(ct);
        var now = new DateTimeOffset(2026, 3, 29, 4, 30, 0, TimeSpan.FromHours(3));
        var pointId = "round-trip";
        await c.ExecuteAsync(
            """
            INSERT INTO ServicePoints (Id, NameFi, NameSv, NameEn, MunicipalityCode, StreetAddress, PostalCode, PostOffice, TimeZone, CreatedAt, UpdatedAt)
            VALUES (@Id, 'a', 'b', 'c', '491', 'Katu 1', '50100', 'Mikkeli', 'Europe/Helsinki', @Now, @Now)
            """,
            new { Id = pointId, Now = now });
        var closure = new ClosureRow(Guid.CreateVersion7(), new DateOnly(2026, 12, 24), new DateOnly(2026, 12, 26));
        await c.ExecuteAsync("INSERT INTO ServicePointClosures (Id, ServicePointId, FirstDay, LastDay) VALUES (@Id, @PointId, @FirstDay, @LastDay)", new { closure.Id, PointId = pointId, closure.FirstDay, closure.LastDay });

        var read = await c.QuerySingleAsync<ClosureRow>("SELECT Id, FirstDay, LastDay FROM ServicePointClosures WHERE Id = @Id",
            new { closure.Id });
        var created = await c.QuerySingleAsync<DateTimeOffset>("SELECT CreatedAt FROM ServicePoints WHERE Id = @Id", new { Id = pointId });

        Assert.Equal(closure, read);
        Assert.Equal(now, created);
        Assert.Equal(TimeSpan.Zero, created.Offset);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task InstantsCompareByTimeWhateverOffsetTheyCameWith(Engine engine)
    {
        await using var app = new AjanvarausApp(engine);
        _ = app.CreateClient();
        var ct = TestContext.Current.CancellationToken;
        await using var c = await app.Db.OpenAsync(ct);
        var resource = Guid.NewGuid();
        var helsinki = new DateTimeOffset(2026, 11, 24, 9, 30, 0, TimeSpan.FromHours(2));
        var utcSubSecond = new DateTimeOffset(2026, 11, 24, 7, 29, 59, 500, TimeSpan.Zero);
        await c.ExecuteAsync("INSERT INTO BookedUnits (ResourceId, UnitStart) VALUES (@ResourceId, @UnitStart)", new[]
        {
            new { ResourceId = resource, UnitStart = helsinki },
            new { ResourceId = resource, UnitStart = utcSubSecond },
        });

        var exact = await c.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM BookedUnits WHERE ResourceId = @ResourceId AND UnitStart = @At",
            new { ResourceId = resource, At = helsinki.ToUniversalTime() });
        var ordered = (await c.QueryAsync<DateTimeOffset>("SELECT UnitStart FROM BookedUnits WHERE ResourceId = @ResourceId ORDER BY UnitStart", new { ResourceId = resource })).ToList();
        var later = await c.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM BookedUnits WHERE ResourceId = @ResourceId AND UnitStart > @At",
            new { ResourceId = resource, At = new DateTimeOffset(2026, 11, 24, 10, 29, 59, 900, TimeSpan.FromHours(3)) });

        Assert.Equal(1, exact);
        Assert.Equal([utcSubSecond, helsinki], ordered);
        Assert.Equal(1, later);
    }

    [Fact]
    public async Task SqliteStoresGuidsAndInstantsAsFixedWidthText()
    {
        await using var app = new AjanvarausApp();
        _ = app.CreateClient();
        await using var c = await app.Db.OpenAsync(TestContext.Current.CancellationToken);
        var id = Guid.Parse("0193A7C2-5B8E-7C3A-9D1E-2F4A6B8C0D1E");
        await c.ExecuteAsync("INSERT INTO BookedUnits (ResourceId, UnitStart) VALUES (@Id, @At)", new { Id = id,
            At = new DateTimeOffset(2026, 11, 24, 9, 30, 0, TimeSpan.FromHours(2)) });

        var (storedId, storedAt) = await c.QuerySingleAsync<(string, string)>("SELECT ResourceId, UnitStart FROM BookedUnits");

        Assert.Equal("0193a7c2-5b8e-7c3a-9d1e-2f4a6b8c0d1e", storedId);
        Assert.Equal("2026-11-24T07:30:00.0000000Z", storedAt);
    }
}
