using System.Net.Http.Headers;
using Ajanvaraus.Api.Identity;
using Ajanvaraus.Api.Tests.Infrastructure;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Ajanvaraus.Api.Tests.Availability;

// Catalogue rows written straight to the database (the providers, points and experts APIs are built elsewhere): kela
// serves at mikkeli, vero at parainen; one expert and one service for each.
internal sealed record AvailabilityFixture(Guid KelaExpert, Guid VeroExpert, Guid KelaService)
{
    private static readonly DateTimeOffset Created = DateTimeOffset.Parse("2026-01-01T00:00:00Z");

    public static async Task<AvailabilityFixture> SeedAsync(AjanvarausApp app)
    {
        _ = app.CreateClient();
        var ct = TestContext.Current.CancellationToken;
        await using var c = await app.Db.OpenAsync(ct);
        foreach (var provider in new[] { "kela", "vero" })
        {
            await c.ExecuteAsync(new CommandDefinition(
                "INSERT INTO Providers (Id, NameFi, NameSv, NameEn, CreatedAt, UpdatedAt) VALUES (@Id, @Id, @Id, @Id, @Created, @Created)",
                new { Id = provider, Created }, cancellationToken: ct));
        }

        await AddPointAsync(app, "mikkeli", "kela");
        await AddPointAsync(app, "parainen", "vero");
        var fixture = new AvailabilityFixture(await AddExpertAsync(app, "kela"), await AddExpertAsync(app, "vero"), Guid.CreateVersion7());
        await c.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO Services (Id, ProviderId, NameFi, NameSv, NameEn, DurationMinutes, AllowsInPerson, AllowsRemoteAtPoint, AllowsVideo, AllowsPhone,
                                  MinimumNoticeMinutes, BookingHorizonDays, CancellationCutoffMinutes, IsActive, CreatedAt, UpdatedAt)
            VALUES (@Id, 'kela', 'Asumistuki', 'Bostadsbidrag', 'Housing allowance', 30, 1, 1, 1, 1, 60, 60, 120, 1, @Created, @Created)
            """,
            new { Id = fixture.KelaService, Created }, cancellationToken: ct));
        return fixture;
    }

    // Open around the clock every day unless a test gives hours: in person is offered only within them.
    public static async Task AddPointAsync(AjanvarausApp app, string id, string provider, string timeZone = "Europe/Helsinki",
        string opens = "00:00", string closes = "23:59")
    {
        var ct = TestContext.Current.CancellationToken;
        await using var c = await app.Db.OpenAsync(ct);
        await c.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO ServicePoints (Id, NameFi, NameSv, NameEn, MunicipalityCode, StreetAddress, PostalCode, PostOffice, TimeZone, CreatedAt, UpdatedAt)
            VALUES (@Id, @Id, @Id, @Id, '491', 'Raatihuoneenkatu 8', '50100', 'Mikkeli', @TimeZone, @Created, @Created)
            """,
            new { Id = id, TimeZone = timeZone, Created }, cancellationToken: ct));
        await c.ExecuteAsync(new CommandDefinition(
            "INSERT INTO ServicePointProviders (ServicePointId, ProviderId) VALUES (@Id, @Provider)",
            new { Id = id, Provider = provider }, cancellationToken: ct));
        await c.ExecuteAsync(new CommandDefinition(
            "INSERT INTO ServicePointOpeningHours (ServicePointId, Weekday, Opens, Closes) VALUES (@Id, @Weekday, @Opens, @Closes)",
            Enumerable.Range(1, 7).Select(day => new { Id = id, Weekday = day, Opens = opens, Closes = closes }), cancellationToken: ct));
    }

    public static async Task<Guid> AddExpertAsync(AjanvarausApp app, string provider)
    {
        var ct = TestContext.Current.CancellationToken;
        var id = Guid.CreateVersion7();
        await using var c = await app.Db.OpenAsync(ct);
        await c.ExecuteAsync(new CommandDefinition(
            "INSERT INTO Experts (Id, ProviderId, DisplayName, IsActive, CreatedAt, UpdatedAt) VALUES (@Id, @Provider, 'Asiantuntija', 1, @Created, @Created)",
            new { Id = id, Provider = provider, Created }, cancellationToken: ct));
        return id;
    }

    public static async Task AddClosureAsync(AjanvarausApp app, string pointId, DateOnly first, DateOnly last)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var c = await app.Db.OpenAsync(ct);
        await c.ExecuteAsync(new CommandDefinition(
            "INSERT INTO ServicePointClosures (Id, ServicePointId, FirstDay, LastDay, Reason) VALUES (@Id, @PointId, @First, @Last, 'Remontti')",
            new { Id = Guid.CreateVersion7(), PointId = pointId, First = first, Last = last }, cancellationToken: ct));
    }

    // A confirmed kela booking of the kela expert, as the bookings feature will write it.
    public async Task<Guid> AddBookingAsync(AjanvarausApp app, DateTimeOffset startsAt, int minutes, string channel = "in_person",
        string? pointId = "mikkeli")
    {
        var ct = TestContext.Current.CancellationToken;
        var id = Guid.CreateVersion7();
        await using var c = await app.Db.OpenAsync(ct);
        await c.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO Bookings (Id, Reference, ProviderId, ServiceId, ExpertId, ServicePointId, VideoRoomId, Channel, StartsAt, EndsAt, Status,
                                  CustomerName, CustomerEmail, CustomerPhone, CustomerLanguage, Notes, MeetingUrl, ManageTokenHash, Sequence,
                                  MadeByKind, MadeById, CreatedAt, UpdatedAt)
            VALUES (@Id, @Reference, 'kela', @ServiceId, @ExpertId, @PointId, NULL, @Channel, @StartsAt, @EndsAt, 'confirmed',
                    'Matti Meikäläinen', 'matti@example.fi', NULL, 'fi', NULL, NULL, 'hash', 0, 'portal', 'suomi-fi', @Created, @Created)
            """,
            new
            {
                Id = id,
                Reference = "K" + id.ToString("N")[^7..].ToUpperInvariant(),
                ServiceId = KelaService,
                ExpertId = KelaExpert,
                PointId = pointId,
                Channel = channel,
                StartsAt = startsAt,
                EndsAt = startsAt.AddMinutes(minutes),
                Created,
            },
            cancellationToken: ct));
        return id;
    }

    // The booking row as stored, to prove that availability changes never write to it.
    public static async Task<string> BookingSnapshotAsync(AjanvarausApp app, Guid bookingId)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var c = await app.Db.OpenAsync(ct);
        var row = await c.QuerySingleAsync(new CommandDefinition(
            "SELECT Id, Reference, ExpertId, ServicePointId, Channel, StartsAt, EndsAt, Status, Sequence, UpdatedAt FROM Bookings WHERE Id = @Id",
            new { Id = bookingId }, cancellationToken: ct));
        return string.Join("|", ((IDictionary<string, object?>)row).Select(kv => $"{kv.Key}={kv.Value}"));
    }

    public static async Task<int> WindowCountAsync(AjanvarausApp app)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var c = await app.Db.OpenAsync(ct);
        return await c.ExecuteScalarAsync<int>(new CommandDefinition("SELECT COUNT(*) FROM AvailabilityWindows", cancellationToken: ct));
    }
}
