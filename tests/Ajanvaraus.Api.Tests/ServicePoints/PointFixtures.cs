using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ajanvaraus.Api.Tests.Infrastructure;
using Dapper;

namespace Ajanvaraus.Api.Tests.ServicePoints;

// Request bodies and set-up shared by the service point tests.
internal static class PointFixtures
{
    public static Dictionary<string, object?> Point(string id, string municipalityCode = "491", params string[] providers) => new()
    {
        ["id"] = id,
        ["names"] = new { fi = $"{id} fi", sv = $"{id} sv", en = $"{id} en" },
        ["municipalityCode"] = municipalityCode,
        ["address"] = new { streetAddress = "Maaherrankatu 9", postalCode = "50100", postOffice = "Mikkeli" },
        ["openingHours"] = new object[] { new { weekday = 1, opens = "09:00", closes = "16:00" } },
        ["providers"] = providers,
    };

    public static async Task ProviderAsync(this HttpClient op, string id)
    {
        var response = await op.PostAsJsonAsync("/api/v1/providers", new { id, names = new { fi = id, sv = id, en = id } });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    public static async Task<JsonElement> PointAsync(this HttpClient op, object body)
    {
        var response = await op.PostAsJsonAsync("/api/v1/service-points", body);
        return await response.ReadJsonAsync(HttpStatusCode.Created);
    }

    public static async Task<JsonElement> GetJsonAsync(this HttpClient client, string path, string? language = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (language is not null)
        {
            request.Headers.AcceptLanguage.ParseAdd(language);
        }

        return await (await client.SendAsync(request)).ReadJsonAsync(HttpStatusCode.OK);
    }

    public static List<string> Ids(this JsonElement array, string property = "id") =>
        array.EnumerateArray().Select(e => e.GetProperty(property).ToString()).ToList();

    // A point written straight to the database (for tests whose pinned clock would make tokens invalid).
    public static async Task InsertPointAsync(this AjanvarausApp app, string id, string timeZone)
    {
        await using var c = await app.Db.OpenAsync(TestContext.Current.CancellationToken);
        await c.ExecuteAsync(
            """
            INSERT INTO ServicePoints (Id, NameFi, NameSv, NameEn, MunicipalityCode, StreetAddress, PostalCode, PostOffice, TimeZone, CreatedAt, UpdatedAt)
            VALUES (@Id, @Id, @Id, @Id, '491', 'Maaherrankatu 9', '50100', 'Mikkeli', @TimeZone, @Now, @Now)
            """,
            new { Id = id, TimeZone = timeZone, Now = DateTimeOffset.UtcNow });
    }

    public static async Task InsertClosureAsync(this AjanvarausApp app, string pointId, DateOnly firstDay, DateOnly lastDay)
    {
        await using var c = await app.Db.OpenAsync(TestContext.Current.CancellationToken);
        await c.ExecuteAsync(
            "INSERT INTO ServicePointClosures (Id, ServicePointId, FirstDay, LastDay) VALUES (@Id, @PointId, @FirstDay, @LastDay)",
            new { Id = Guid.CreateVersion7(), PointId = pointId, FirstDay = firstDay, LastDay = lastDay });
    }

    // A service of the provider, written straight to the database (the services API is another feature).
    public static async Task<Guid> InsertServiceAsync(this AjanvarausApp app, string providerId)
    {
        var id = Guid.CreateVersion7();
        await using var c = await app.Db.OpenAsync(TestContext.Current.CancellationToken);
        await c.ExecuteAsync(
            """
            INSERT INTO Services (Id, ProviderId, NameFi, NameSv, NameEn, DurationMinutes, AllowsInPerson, AllowsRemoteAtPoint, AllowsVideo, AllowsPhone,
                MinimumNoticeMinutes, BookingHorizonDays, CancellationCutoffMinutes, IsActive, CreatedAt, UpdatedAt)
            VALUES (@Id, @ProviderId, 'Asumistuki', 'Bostadsbidrag', 'Housing allowance', 30, 1, 1, 0, 0, 60, 60, 120, 1, @Now, @Now)
            """,
            new { Id = id, ProviderId = providerId, Now = DateTimeOffset.UtcNow });
        return id;
    }

    // An expert of the provider with a weekly availability rule at the point (rules refer to points).
    public static async Task<Guid> InsertRuleAtAsync(this AjanvarausApp app, string providerId, string pointId)
    {
        var expertId = Guid.CreateVersion7();
        var ruleId = Guid.CreateVersion7();
        await using var c = await app.Db.OpenAsync(TestContext.Current.CancellationToken);
        var args = new { ExpertId = expertId, RuleId = ruleId, ProviderId = providerId, PointId = pointId, Now = DateTimeOffset.UtcNow,
            From = new DateOnly(2026, 12, 1) };
        await c.ExecuteAsync(
            "INSERT INTO Experts (Id, ProviderId, DisplayName, IsActive, CreatedAt, UpdatedAt) VALUES (@ExpertId, @ProviderId, 'Asiantuntija', 1, @Now, @Now)", args);
        await c.ExecuteAsync(
            """
            INSERT INTO AvailabilityRules (Id, ExpertId, ServicePointId, AllowsInPerson, AllowsRemoteAtPoint, AllowsVideo, AllowsPhone,
                StartTime, EndTime, RecurrenceRule, ValidFrom, CreatedAt, UpdatedAt)
            VALUES (@RuleId, @ExpertId, @PointId, 1, 0, 0, 0, '09:00', '12:00', 'FREQ=WEEKLY;BYDAY=MO', @From, @Now, @Now)
            """,
            args);
        return expertId;
    }

    // A hold on the video room (what a remote_at_point booking in progress writes).
    public static async Task InsertHoldOnRoomAsync(this AjanvarausApp app, string providerId, string pointId, Guid roomId)
    {
        var serviceId = await app.InsertServiceAsync(providerId);
        var expertId = await app.InsertRuleAtAsync(providerId, pointId);
        await using var c = await app.Db.OpenAsync(TestContext.Current.CancellationToken);
        var startsAt = new DateTimeOffset(2026, 12, 7, 7, 0, 0, TimeSpan.Zero);
        await c.ExecuteAsync(
            """
            INSERT INTO Holds (Id, TokenHash, ServiceId, ExpertId, ServicePointId, VideoRoomId, Channel, StartsAt, EndsAt, ExpiresAt, CreatedAt)
            VALUES (@Id, 'hash', @ServiceId, @ExpertId, @PointId, @RoomId, 'remote_at_point', @StartsAt, @EndsAt, @EndsAt, @StartsAt)
            """,
            new { Id = Guid.CreateVersion7(), ServiceId = serviceId, ExpertId = expertId, PointId = pointId, RoomId = roomId,
                StartsAt = startsAt, EndsAt = startsAt.AddMinutes(30) });
    }
}
