using System.Net;
using System.Net.Http.Json;
using Ajanvaraus.Api.Identity;
using Ajanvaraus.Api.Tests.Infrastructure;
using static Ajanvaraus.Api.Tests.Availability.AvailabilityRulesApiTests;

namespace Ajanvaraus.Api.Tests.Availability;

public sealed class AvailabilityAccessTests
{
    private static IEnumerable<(string Name, Func<HttpClient, Task<HttpResponseMessage>> Call)> EveryRoute(AvailabilityFixture fixture,
        Guid ruleId, Guid absenceId)
    {
        var expert = fixture.KelaExpert;
        var absence = new { startsAt = "2026-11-25T10:00:00+02:00", endsAt = "2026-11-25T11:00:00+02:00" };
        yield return ("list rules", c => c.GetAsync(Rules(expert)));
        yield return ("get rule", c => c.GetAsync($"{Rules(expert)}/{ruleId}"));
        yield return ("create rule", c => c.PostAsJsonAsync(Rules(expert), Rule()));
        yield return ("replace rule", c => c.PutAsJsonAsync($"{Rules(expert)}/{ruleId}", Rule()));
        yield return ("delete rule", c => c.DeleteAsync($"{Rules(expert)}/{ruleId}"));
        yield return ("list absences", c => c.GetAsync($"/api/v1/experts/{expert}/absences"));
        yield return ("create absence", c => c.PostAsJsonAsync($"/api/v1/experts/{expert}/absences", absence));
        yield return ("delete absence", c => c.DeleteAsync($"/api/v1/experts/{expert}/absences/{absenceId}"));
        yield return ("list windows", c => c.GetAsync($"/api/v1/experts/{expert}/windows"));
        yield return ("list conflicts", c => c.GetAsync("/api/v1/providers/kela/conflicts"));
    }

    [Fact]
    public async Task AnotherAgencysAdminGets403OnEveryRouteAndChangesNothing()
    {
        await using var app = new AjanvarausApp(clock: November23());
        var fixture = await AvailabilityFixture.SeedAsync(app);
        var kela = app.AgencyAdmin("kela");
        var rule = await (await kela.PostAsJsonAsync(Rules(fixture.KelaExpert), Rule())).ReadJsonAsync(HttpStatusCode.Created);
        var absence = await (await kela.PostAsJsonAsync(
            $"/api/v1/experts/{fixture.KelaExpert}/absences",
            new { startsAt = "2026-11-24T09:00:00+02:00", endsAt = "2026-11-24T12:00:00+02:00" })).ReadJsonAsync(HttpStatusCode.Created);
        var windowsBefore = await AvailabilityFixture.WindowCountAsync(app);

        var vero = app.AgencyAdmin("vero");
        foreach (var (name, call) in EveryRoute(fixture, rule.GetProperty("id").GetGuid(), absence.GetProperty("id").GetGuid()))
        {
            var response = await call(vero);
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{name}: expected 403, got {(int)response.StatusCode}");
        }

        Assert.Equal(windowsBefore, await AvailabilityFixture.WindowCountAsync(app));
        Assert.Single((await (await kela.GetAsync(Rules(fixture.KelaExpert))).ReadJsonAsync(HttpStatusCode.OK)).GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task OtherRolesGet403AndAnonymousCallersGet401OnEveryRoute()
    {
        await using var app = new AjanvarausApp(clock: November23());
        var fixture = await AvailabilityFixture.SeedAsync(app);
        var callers = new (string Name, HttpClient Client, HttpStatusCode Expected)[]
        {
            ("operator", app.ClientAs(new TokenRequest(Roles.Operator)), HttpStatusCode.Forbidden),
            ("adviser", app.ClientAs(new TokenRequest(Roles.Adviser, ServicePoint: "mikkeli")), HttpStatusCode.Forbidden),
            ("portal", app.ClientAs(new TokenRequest(Roles.Portal, Client: "suomi-fi")), HttpStatusCode.Forbidden),
            ("anonymous", app.CreateClient(), HttpStatusCode.Unauthorized),
        };

        foreach (var (caller, client, expected) in callers)
        {
            foreach (var (name, call) in EveryRoute(fixture, Guid.CreateVersion7(), Guid.CreateVersion7()))
            {
                var response = await call(client);
                Assert.True(response.StatusCode == expected, $"{caller} {name}: expected {(int)expected}, got {(int)response.StatusCode}");
            }
        }
    }
}
