using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Ajanvaraus.Api.Tests.Infrastructure;
using Dapper;

namespace Ajanvaraus.Api.Tests.Services;

// Providers, services, points and bookings for catalogue tests, made through the API where it exists.
internal static class Catalogue
{
    public static JsonObject Names(string fi) => new() { ["fi"] = fi, ["sv"] = fi + " (sv)", ["en"] = fi + " (en)" };

    public static JsonObject ServiceBody(string name = "Asumistuki", int durationMinutes = 30, params string[] channels) => new()
    {
        ["names"] = Names(name),
        ["descriptions"] = new JsonObject { ["fi"] = name + " kuvaus", ["sv"] = name + " beskrivning", ["en"] = name + " description" },
        ["durationMinutes"] = durationMinutes,
        ["channels"] = new JsonArray((channels.Length == 0 ? ["in_person", "phone"] : channels).Select(c => (JsonNode)c!).ToArray()),
        ["card"] = new JsonObject { ["fi"] = "Ota mukaan vuokrasopimus", ["sv"] = "Ta med hyresavtalet", ["en"] = "Bring the lease" },
    };

    // Creates the provider (as operator) and returns a client of its agency admin.
    public static async Task<HttpClient> ProviderAsync(AjanvarausApp app, string id)
    {
        var created = await app.Operator().PostAsJsonAsync("/api/v1/providers", new { id, names = Names(id.ToUpperInvariant()) });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return app.AgencyAdmin(id);
    }

    public static async Task<Guid> ServiceAsync(HttpClient admin, string providerId, JsonObject? body = null)
    {
        var response = await admin.PostAsJsonAsync($"/api/v1/providers/{providerId}/services", body ?? ServiceBody());
        return (await response.ReadJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();
    }

    public static async Task<Guid> ExpertAsync(HttpClient admin, string providerId, params Guid[] serviceIds)
    {
        var response = await admin.PostAsJsonAsync($"/api/v1/providers/{providerId}/experts", new { displayName = "Anna K.",
            languages = new[] { "fi" }, serviceIds });
        return (await response.ReadJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();
    }

    // A service point with the providers present (its API is another feature's; the rows are enough here).
    public static async Task PointAsync(AjanvarausApp app, string id, string municipalityCode, params string[] providerIds)
    {
        await using var c = await app.Db.OpenAsync(TestContext.Current.CancellationToken);
        await c.ExecuteAsync(
            """
            INSERT INTO ServicePoints (Id, NameFi, NameSv, NameEn, MunicipalityCode, StreetAddress, PostalCode, PostOffice, TimeZone, CreatedAt, UpdatedAt)
            VALUES (@Id, @Id, @Id, @Id, @MunicipalityCode, 'Maaherrankatu 9', '50100', 'Mikkeli', 'Europe/Helsinki', @Now, @Now)
            """,
            new { Id = id, MunicipalityCode = municipalityCode, Now = DateTimeOffset.UtcNow });
        await c.ExecuteAsync(
            "INSERT INTO ServicePointProviders (ServicePointId, ProviderId) VALUES (@PointId, @ProviderId)",
            providerIds.Select(p => new { PointId = id, ProviderId = p }));
    }

    // A confirmed phone booking of the expert for the service (the booking API is another feature's).
    public static Task BookingAsync(AjanvarausApp app, string providerId, Guid serviceId, Guid expertId) =>
        BookingAtAsync(app, providerId, serviceId, expertId, new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero));

    // A booking at the given start (phone, or remote at the point in the given room), written as rows.
    public static async Task BookingAtAsync(
        AjanvarausApp app, string providerId, Guid serviceId, Guid expertId, DateTimeOffset start,
        string status = "confirmed", string? pointId = null, Guid? roomId = null)
    {
        await using var c = await app.Db.OpenAsync(TestContext.Current.CancellationToken);
        var id = Guid.CreateVersion7();
        await c.ExecuteAsync(
            """
            INSERT INTO Bookings (Id, Reference, ProviderId, ServiceId, ExpertId, ServicePointId, VideoRoomId, Channel, StartsAt, EndsAt,
                Status, CustomerName, CustomerLanguage, ManageTokenHash, MadeByKind, CreatedAt, UpdatedAt)
            VALUES (@Id, @Reference, @ProviderId, @ServiceId, @ExpertId, @PointId, @RoomId, @Channel, @Start, @End,
                @Status, 'Matti M.', 'fi', 'hash', 'portal', @Start, @Start)
            """,
            new
            {
                Id = id, Reference = id.ToString("N")[^12..], ProviderId = providerId, ServiceId = serviceId, ExpertId = expertId,
                PointId = pointId, RoomId = roomId, Channel = roomId is null ? "phone" : "remote_at_point",
                Start = start, End = start.AddMinutes(30), Status = status,
            });
    }
}
