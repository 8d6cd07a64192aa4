using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ajanvaraus.Api.Tests.Bookings;
using Ajanvaraus.Api.Tests.Infrastructure;

namespace Ajanvaraus.Api.Tests.Calendars;

// The calls the calendar-source tests share: the agency admin's requests in English (lastError follows the caller's
// language) and the setting the tests serving feeds on loopback (FixtureServer) must opt in to.
internal static class CalendarSourceClient
{
    public static readonly Dictionary<string, string?> Loopback = new() { ["Calendars:AllowPrivateAddresses"] = "true" };

    public static Dictionary<string, string?> LoopbackWith(params (string Key, string Value)[] settings)
    {
        var all = new Dictionary<string, string?>(Loopback);
        foreach (var (key, value) in settings)
        {
            all[key] = value;
        }

        return all;
    }

    public static HttpClient Admin(BookingWorld world, string language = "en")
    {
        var client = world.App.AgencyAdmin("kela");
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        return client;
    }

    public static async Task<JsonElement> AddSourceAsync(BookingWorld world, string name, string url) =>
        await (await Admin(world).PostAsJsonAsync($"/api/v1/experts/{world.Expert}/calendar-sources", new { name, url }))
            .ReadJsonAsync(HttpStatusCode.Created);

    public static async Task<JsonElement> SyncAsync(BookingWorld world, JsonElement source) =>
        await (await Admin(world).PostAsync(
            $"/api/v1/experts/{world.Expert}/calendar-sources/{source.GetProperty("id").GetGuid()}/sync", null))
            .ReadJsonAsync(HttpStatusCode.OK);

    public static async Task<JsonElement> GetAsync(BookingWorld world, JsonElement source) =>
        await (await Admin(world).GetAsync(
            $"/api/v1/experts/{world.Expert}/calendar-sources/{source.GetProperty("id").GetGuid()}"))
            .ReadJsonAsync(HttpStatusCode.OK);

    public static string? LastError(JsonElement source) =>
        source.TryGetProperty("lastError", out var error) && error.ValueKind == JsonValueKind.String ? error.GetString() : null;
}
