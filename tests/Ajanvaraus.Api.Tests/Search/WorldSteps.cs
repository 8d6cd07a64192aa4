using System.Net;
using System.Net.Http.Json;
using Ajanvaraus.Api.Tests.Bookings;
using Ajanvaraus.Api.Tests.Infrastructure;

namespace Ajanvaraus.Api.Tests.Search;

// The writes IndexAgreementTests draws from, each made through the API as its owner would make it. Kinds that need
// something to act on (a booking to cancel, a rule to delete) fall back to creating one.
internal sealed class WorldSteps(BookingWorld world, Guid room)
{
    private static readonly DateOnly Day = new(2026, 11, 24);
    private readonly List<(Guid Id, string Token)> bookings = [];
    private readonly List<(Guid Expert, Guid Rule)> rules = [];
    private readonly HashSet<Guid> withoutService = [];
    private Guid? closure;
    private bool roomRetired;

    public static async Task<WorldSteps> StartAsync(BookingWorld world)
    {
        var rooms = await (await world.App.Operator().GetAsync("/api/v1/service-points/mikkeli/video-rooms"))
            .ReadJsonAsync(HttpStatusCode.OK);
        return new WorldSteps(world, rooms[0].GetProperty("id").GetGuid());
    }

    public async Task ApplyAsync(int kind, DateTimeOffset start, Guid expert, int slot)
    {
        var channel = slot % 2 == 0 ? "in_person" : "remote_at_point";
        var admin = world.App.AgencyAdmin("kela");
        switch (kind)
        {
            case 0 or 1:
                var booked = await world.BookAsync(world.Booking(start, channel, expert));
                if (booked.StatusCode == HttpStatusCode.Created)
                {
                    var body = await booked.ReadJsonAsync(HttpStatusCode.Created);
                    bookings.Add((body.GetProperty("id").GetGuid(), body.GetProperty("manageToken").GetString()!));
                }

                break;
            case 2 when bookings.Count > 0:
                var (id, token) = bookings[slot % bookings.Count];
                bookings.Remove((id, token));
                await world.App.CreateClient().SendAsync(BookingWorld.WithToken(HttpMethod.Post, $"/api/v1/bookings/{id}/cancel", token));
                break;
            case 2 or 3:
                await world.App.CreateClient().PostAsJsonAsync("/api/v1/holds",
                    new { serviceId = world.ServiceId, start, channel, servicePointId = "mikkeli" });
                break;
            case 4:
                await admin.PostAsJsonAsync($"/api/v1/experts/{expert}/absences", new { startsAt = start, endsAt = start.AddMinutes(30) });
                break;
            case 5 when closure is { } open:
                await Ok(world.App.Operator().DeleteAsync($"/api/v1/service-points/mikkeli/closures/{open}"));
                closure = null;
                break;
            case 5:
                var created = await world.App.Operator().PostAsJsonAsync("/api/v1/service-points/mikkeli/closures",
                    new { firstDay = Day, lastDay = Day });
                closure = (await created.ReadJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();
                break;
            case 6:
                // Holds last 10 minutes: their time comes back without any write.
                world.Clock.Advance(TimeSpan.FromMinutes(11));
                break;
            case 7:
                await RuleAsync(admin, expert, start, slot);
                break;
            case 8:
                await Ok(world.App.Operator().PutAsJsonAsync("/api/v1/service-points/mikkeli", Point(closesTuesday: 10 + slot % 7)));
                break;
            case 9:
                roomRetired = !roomRetired;
                await Ok(world.App.Operator().PutAsJsonAsync($"/api/v1/service-points/mikkeli/video-rooms/{room}",
                    new { name = "Etäpalveluhuone 1", isActive = !roomRetired }));
                break;
            case 10:
                var leaves = withoutService.Add(expert) || !withoutService.Remove(expert);
                await Ok(admin.PutAsJsonAsync($"/api/v1/providers/kela/experts/{expert}", new
                {
                    displayName = "Kela-asiantuntija", languages = new[] { "fi", "sv" },
                    serviceIds = leaves ? Array.Empty<Guid>() : [world.ServiceId],
                }));
                break;
        }
    }

    // Creates a rule on the expert's Tuesday, edits one (a later end), or deletes one, by the slot drawn.
    private async Task RuleAsync(HttpClient admin, Guid expert, DateTimeOffset start, int slot)
    {
        var mine = rules.Where(r => r.Expert == expert).ToList();
        if (mine.Count > 0 && slot % 3 == 0)
        {
            var (_, rule) = mine[0];
            rules.Remove((expert, rule));
            await Ok(admin.DeleteAsync($"/api/v1/experts/{expert}/availability-rules/{rule}"));
            return;
        }

        var from = start.AddHours(2);
        var body = new
        {
            servicePointId = "mikkeli", channels = new[] { slot % 2 == 0 ? "in_person" : "remote_at_point" },
            startTime = $"{from:HH:mm}", endTime = $"{from.AddMinutes(90 + 15 * (slot % 4)):HH:mm}",
            recurrence = "FREQ=WEEKLY;BYDAY=TU", validFrom = "2026-10-01",
        };
        // A rule wholly outside shortened opening hours is refused (400) and changes nothing.
        if (mine.Count > 0 && slot % 3 == 1)
        {
            var edited = await admin.PutAsJsonAsync($"/api/v1/experts/{expert}/availability-rules/{mine[0].Rule}", body);
            Assert.Contains(edited.StatusCode, new[] { HttpStatusCode.OK, HttpStatusCode.BadRequest });
            return;
        }

        var created = await admin.PostAsJsonAsync($"/api/v1/experts/{expert}/availability-rules", body);
        if (created.StatusCode != HttpStatusCode.BadRequest)
        {
            rules.Add((expert, (await created.ReadJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid()));
        }
    }

    private static object Point(int closesTuesday) => new
    {
        names = new { fi = "Mikkelin asiointipiste", sv = "S:t Michels servicepunkt", en = "Mikkeli service point" },
        municipalityCode = "491",
        address = new { streetAddress = "Maaherrankatu 9", postalCode = "50100", postOffice = "Mikkeli" },
        openingHours = Enumerable.Range(1, 7).Select(day => new
        {
            weekday = day, opens = "08:00", closes = day == 2 ? $"{closesTuesday:00}:00" : "16:00",
        }),
        providers = new[] { "kela" },
    };

    private static async Task Ok(Task<HttpResponseMessage> sent)
    {
        var answer = await sent;
        Assert.True(answer.IsSuccessStatusCode, $"{answer.StatusCode}: {await answer.Content.ReadAsStringAsync()}");
    }
}
