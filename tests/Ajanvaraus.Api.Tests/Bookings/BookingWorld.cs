using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ajanvaraus.Api.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace Ajanvaraus.Api.Tests.Bookings;

// A small published world, made through the API as an operator and an agency would: Kela at the Mikkeli point (every
// day 08-16, one video room), a 45-minute service on every channel, and experts available weekdays 09-12. "Now" is
// Monday 2026-11-23 10:00 Finnish time.
public sealed class BookingWorld : IAsyncDisposable
{
    public static readonly DateTimeOffset Now = DateTimeOffset.Parse("2026-11-23T08:00:00Z");

    private BookingWorld(AjanvarausApp app, FakeTimeProvider clock)
    {
        App = app;
        Clock = clock;
    }

    public AjanvarausApp App { get; }

    public FakeTimeProvider Clock { get; }

    public Guid ServiceId { get; private set; }

    public List<Guid> Experts { get; } = [];

    public Guid Expert => Experts[0];

    // Tuesday 2026-11-24 09:00 in Mikkeli (+02:00): the first slot of the day.
    public static DateTimeOffset Tuesday(int hour, int minute = 0) => new(2026, 11, 24, hour, minute, 0, TimeSpan.FromHours(2));

    public static async Task<BookingWorld> CreateAsync(
        Engine engine = Engine.Sqlite, int experts = 1, int videoRooms = 1, int cancellationCutoffMinutes = 60,
        DateTimeOffset? now = null, string days = "MO,TU,WE,TH,FR", string[]? otherAgencies = null,
        IReadOnlyDictionary<string, string?>? settings = null)
    {
        var clock = new FakeTimeProvider(now ?? Now);
        var world = new BookingWorld(new AjanvarausApp(engine, settings, clock), clock);
        var op = world.App.Operator();
        var admin = world.App.AgencyAdmin("kela");

        await Ok(op.PostAsJsonAsync("/api/v1/providers", new { id = "kela", names = new { fi = "Kela", sv = "FPA", en = "Kela" } }));
        foreach (var agency in otherAgencies ?? [])
        {
            await Ok(op.PostAsJsonAsync("/api/v1/providers", new { id = agency, names = new { fi = agency, sv = agency, en = agency } }));
        }

        await Ok(op.PostAsJsonAsync("/api/v1/service-points", new
        {
            id = "mikkeli",
            names = new { fi = "Mikkelin asiointipiste", sv = "S:t Michels servicepunkt", en = "Mikkeli service point" },
            municipalityCode = "491",
            address = new { streetAddress = "Maaherrankatu 9", postalCode = "50100", postOffice = "Mikkeli" },
            timeZone = "Europe/Helsinki",
            openingHours = Enumerable.Range(1, 7).Select(day => new { weekday = day, opens = "08:00", closes = "16:00" }),
            providers = new[] { "kela" }.Concat(otherAgencies ?? []),
        }));
        for (var i = 1; i <= videoRooms; i++)
        {
            await Ok(op.PostAsJsonAsync("/api/v1/service-points/mikkeli/video-rooms", new { name = $"Etäpalveluhuone {i}" }));
        }

        var service = await Ok(admin.PostAsJsonAsync("/api/v1/providers/kela/services", new
        {
            names = new { fi = "Asumistuen neuvonta", sv = "Rådgivning om bostadsbidrag", en = "Housing allowance advice" },
            durationMinutes = 45,
            channels = new[] { "in_person", "remote_at_point", "video", "phone" },
            minimumNoticeMinutes = 60,
            bookingHorizonDays = 60,
            cancellationCutoffMinutes,
        }));
        world.ServiceId = service.GetProperty("id").GetGuid();

        for (var i = 1; i <= experts; i++)
        {
            var expert = await Ok(admin.PostAsJsonAsync("/api/v1/providers/kela/experts", new
            {
                displayName = $"Kela-asiantuntija {i}",
                languages = new[] { "fi", "sv" },
                serviceIds = new[] { world.ServiceId },
            }));
            var expertId = expert.GetProperty("id").GetGuid();
            world.Experts.Add(expertId);
            await Ok(admin.PostAsJsonAsync($"/api/v1/experts/{expertId}/availability-rules", new
            {
                servicePointId = "mikkeli",
                channels = new[] { "in_person", "remote_at_point", "video", "phone" },
                startTime = "09:00",
                endTime = "12:00",
                recurrence = $"FREQ=WEEKLY;BYDAY={days}",
                validFrom = "2026-10-01",
            }));
        }

        foreach (var agency in otherAgencies ?? [])
        {
            await world.AddAgencyAsync(agency);
        }

        return world;
    }

    // Another agency at the point: one 30-minute in-person service and one expert available weekdays 09-12.
    public Dictionary<string, (Guid Service, Guid Expert)> Agencies { get; } = [];

    private async Task AddAgencyAsync(string agency)
    {
        var admin = App.AgencyAdmin(agency);
        var service = await Ok(admin.PostAsJsonAsync($"/api/v1/providers/{agency}/services", new
        {
            names = new { fi = $"{agency} neuvonta", sv = $"{agency} rådgivning", en = $"{agency} advice" },
            durationMinutes = 30,
            channels = new[] { "in_person" },
            minimumNoticeMinutes = 60,
            bookingHorizonDays = 60,
            cancellationCutoffMinutes = 60,
        }));
        var serviceId = service.GetProperty("id").GetGuid();
        var expert = await Ok(admin.PostAsJsonAsync($"/api/v1/providers/{agency}/experts", new
        {
            displayName = $"{agency}-asiantuntija", languages = new[] { "fi" }, serviceIds = new[] { serviceId },
        }));
        var expertId = expert.GetProperty("id").GetGuid();
        await Ok(admin.PostAsJsonAsync($"/api/v1/experts/{expertId}/availability-rules", new
        {
            servicePointId = "mikkeli", channels = new[] { "in_person" }, startTime = "09:00", endTime = "12:00",
            recurrence = "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", validFrom = "2026-10-01",
        }));
        Agencies[agency] = (serviceId, expertId);
    }

    // A booking body for the given time; each call is a new attempt (new customer name).
    public object Booking(DateTimeOffset start, string channel = "in_person", Guid? expert = null, string? servicePointId = "mikkeli",
        object? customer = null) => new
    {
        serviceId = ServiceId,
        expertId = expert ?? Expert,
        start,
        channel,
        servicePointId = channel is "in_person" or "remote_at_point" ? servicePointId : null,
        customer = customer ?? new { name = "Maija Meikäläinen", email = "maija@example.fi", phone = "040 123 4567", language = "fi" },
    };

    public async Task<HttpResponseMessage> BookAsync(object body, string? key = null, HttpClient? client = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/bookings") { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", key ?? Guid.NewGuid().ToString());
        return await (client ?? App.CreateClient()).SendAsync(request);
    }

    public async Task<JsonElement> BookOkAsync(object body) => await (await BookAsync(body)).ReadJsonAsync(HttpStatusCode.Created);

    public static HttpRequestMessage WithToken(HttpMethod method, string path, string token, object? body = null)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Add("X-Manage-Token", token);
        // Tests read the problem texts in English (Finnish is the default).
        request.Headers.AcceptLanguage.ParseAdd("en");
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        return request;
    }

    public ValueTask DisposeAsync() => App.DisposeAsync();

    private static async Task<JsonElement> Ok(Task<HttpResponseMessage> call)
    {
        var response = await call;
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"Setting up the world failed: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement;
    }
}
