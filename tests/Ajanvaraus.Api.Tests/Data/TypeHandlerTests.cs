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

        var read = await c.QuerySingleAsync<ClosureRow>("SELECT Id, FirstDay, LastDay FROM ServicePointClosures WHERE Id = @Id", new { closure.Id });
        var created = await c.QuerySingleAsync<DateTimeOffset>("SELECT CreatedAt FROM ServicePoints WHERE Id = @Id", new { Id = pointId });

        Assert.Equal(closure, read);
        Assert.Equal(now, created);
        Assert.Equal(TimeSpan.Zero, created.Offset);
    }

    [Fact]
    public async Task SqliteStoresParametersAsLowerCaseIdsAndFixedWidthUtcText()
    {
        await using var app = new AjanvarausApp();
        _ = app.CreateClient();
        var ct = TestContext.Current.CancellationToken;
        await using var c = await app.Db.OpenAsync(ct);
        var id = Guid.Parse("01990B6E-55AA-7C3E-9D1F-2B7A4C9E0A11");
        var helsinkiMorning = new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.FromHours(2));
        await c.ExecuteAsync(
            "INSERT INTO IdempotencyKeys (Scope, IdempotencyKey, RequestHash, CreatedAt, ExpiresAt) VALUES (@Scope, 'k', 'h', @CreatedAt, @ExpiresAt)",
            new { Scope = id, CreatedAt = helsinkiMorning, ExpiresAt = (DateTimeOffset?)helsinkiMorning.AddMinutes(30) });

        var stored = await c.QuerySingleAsync<(string Scope, string CreatedAt, string ExpiresAt)>(
            "SELECT Scope, CreatedAt, ExpiresAt FROM IdempotencyKeys WHERE IdempotencyKey = 'k'");

        Assert.Equal("01990b6e-55aa-7c3e-9d1f-2b7a4c9e0a11", stored.Scope);
        Assert.Equal("2026-11-25T07:00:00.0000000Z", stored.CreatedAt);
        Assert.Equal("2026-11-25T07:30:00.0000000Z", stored.ExpiresAt);
    }
}
