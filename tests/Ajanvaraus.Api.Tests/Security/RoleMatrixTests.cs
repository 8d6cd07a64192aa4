using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Ajanvaraus.Api.Identity;
using Ajanvaraus.Api.Tests.Bookings;
using Ajanvaraus.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Ajanvaraus.Api.Tests.Security;

// Every endpoint of the running service × every kind of caller answers as RoleMatrix says. The world: Kela and Vero at
// the Mikkeli point, a booking of Kela's at Mikkeli; "own" callers are Kela's admin and Mikkeli's adviser, "other"
// ones Vero's admin and an adviser of another point. Bodies are `{}` (what the operation does with them is its own
// business: 400, mostly), except where an owner's check comes after the body's validation: there a valid body, so
// that a refusal is seen as the refusal it is.
public sealed partial class RoleMatrixTests
{
    private static readonly TokenRequest?[] Identities =
    [
        null,
        new(Roles.Operator),
        new(Roles.AgencyAdmin, Provider: "kela"),
        new(Roles.AgencyAdmin, Provider: "vero"),
        new(Roles.Adviser, ServicePoint: "mikkeli"),
        new(Roles.Adviser, ServicePoint: "saarijarvi"),
        new(Roles.Portal, Client: "mikkeli.fi"),
    ];

    [Fact]
    public async Task EveryEndpointAnswersEachCallerAsTheMatrixSays()
    {
        await using var world = await BookingWorld.CreateAsync(otherAgencies: ["vero"]);
        var values = await RouteValuesAsync(world);
        var bodies = Bodies(world);
        var endpoints = Endpoints(world.App);
        var rows = RoleMatrix.Rows.ToDictionary(r => r.Endpoint, r => r.Answers.Split(' ', StringSplitOptions.RemoveEmptyEntries));

        var missing = endpoints.Where(e => !rows.ContainsKey(e)).ToList();
        Assert.True(missing.Count == 0, "Endpoints without a row in RoleMatrix.Rows:\n" + string.Join("\n", missing));
        var stale = rows.Keys.Where(r => !endpoints.Contains(r)).ToList();
        Assert.True(stale.Count == 0, "Rows of RoleMatrix.Rows without an endpoint:\n" + string.Join("\n", stale));
        Assert.All(rows, r => Assert.True(r.Value.Length == RoleMatrix.Callers.Length, $"{r.Key}: one answer per caller"));

        var clients = Identities.Select(identity => Client(world.App, identity)).ToArray();
        var wrong = new List<string>();
        // Refusals first: they change nothing, so every one of them meets the world intact; then the allowed calls.
        foreach (var pass in new[] { false, true })
        {
            foreach (var (endpoint, answers) in rows)
            {
                for (var caller = 0; caller < answers.Length; caller++)
                {
                    if ((answers[caller] == "ok") != pass)
                    {
                        continue;
                    }

                    int status;
                    try
                    {
                        status = (int)(await clients[caller].SendAsync(Request(endpoint, values, bodies))).StatusCode;
                    }
                    catch (TaskCanceledException)
                    {
                        wrong.Add($"{endpoint} as {RoleMatrix.Callers[caller]}: no answer within the client's timeout");
                        continue;
                    }

                    var fits = answers[caller] == "ok" ? status is not (401 or 403) && status < 500 : status.ToString() == answers[caller];
                    if (!fits)
                    {
                        wrong.Add($"{endpoint} as {RoleMatrix.Callers[caller]}: expected {answers[caller]}, got {status}");
                    }
                }
            }
        }

        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    [Fact]
    public void TheReadmeShowsTheMatrix()
    {
        var path = Path.Combine(RepositoryRoot.Path, "README.md");
        var readme = File.ReadAllText(path);
        var table = Table();
        var section = ReadmeSection();
        if (Environment.GetEnvironmentVariable("UPDATE_README") == "1")
        {
            File.WriteAllText(path, section.Replace(readme, "$1\n" + table + "$2"));
            return;
        }

        var shown = section.Match(readme);
        Assert.True(shown.Success, "README.md has no <!-- role-matrix --> … <!-- /role-matrix --> section.");
        Assert.True(readme.Contains("<!-- role-matrix -->\n" + table + "<!-- /role-matrix -->"),
            "README.md's role matrix differs from RoleMatrix.Rows: run UPDATE_README=1 dotnet test --filter RoleMatrixTests");
    }

    private static string Table()
    {
        var text = new StringBuilder();
        text.Append("| endpoint | ").AppendJoin(" | ", RoleMatrix.Callers).Append(" |\n");
        text.Append("|---|").Append(string.Concat(RoleMatrix.Callers.Select(_ => "---|"))).Append('\n');
        foreach (var (endpoint, answers) in RoleMatrix.Rows)
        {
            text.Append($"| `{endpoint}` | ").AppendJoin(" | ", answers.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Append(" |\n");
        }

        return text.ToString();
    }

    // "METHOD /route" of every endpoint the service maps, with route constraints left out.
    private static HashSet<string> Endpoints(AjanvarausApp app)
    {
        _ = app.CreateClient();
        return app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? ["ANY"])
                .Select(method => $"{method} {Constraint().Replace(e.RoutePattern.RawText!, "{$1}").TrimEnd('/')}"))
            .ToHashSet();
    }

    private static HttpRequestMessage Request(string endpoint, IReadOnlyDictionary<string, string> values,
        IReadOnlyDictionary<string, object> bodies)
    {
        var (method, route) = (endpoint[..endpoint.IndexOf(' ')], endpoint[(endpoint.IndexOf(' ') + 1)..]);
        var path = Parameter().Replace(route, m => values.TryGetValue(m.Groups[1].Value, out var value)
            ? value
            : throw new InvalidOperationException($"{endpoint}: no value for {{{m.Groups[1].Value}}}; add one to RouteValuesAsync."));
        var request = new HttpRequestMessage(new HttpMethod(method == "ANY" ? "GET" : method), path);
        if (method is "POST" or "PUT")
        {
            request.Content = JsonContent.Create(bodies.GetValueOrDefault(endpoint) ?? new { });
        }

        return request;
    }

    private static HttpClient Client(AjanvarausApp app, TokenRequest? identity)
    {
        // Past the contract check: the matrix asks only who gets through, with bodies the operations refuse.
        var client = app.Server.CreateClient();
        client.Timeout = TimeSpan.FromSeconds(20);
        if (identity is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", app.Token(identity));
        }

        return client;
    }

    // A value for every route parameter, each naming a real thing of the world (Kela's, at Mikkeli).
    private static async Task<Dictionary<string, string>> RouteValuesAsync(BookingWorld world)
    {
        var op = world.App.Operator();
        var admin = world.App.AgencyAdmin("kela");
        var booking = await world.BookOkAsync(world.Booking(BookingWorld.Tuesday(9)));
        var hold = await (await world.App.CreateClient().PostAsJsonAsync("/api/v1/holds", new
        {
            serviceId = world.ServiceId, expertId = world.Expert, start = BookingWorld.Tuesday(10, 30), channel = "in_person",
            servicePointId = "mikkeli",
        })).ReadJsonAsync(HttpStatusCode.Created);
        var closure = await (await op.PostAsJsonAsync("/api/v1/service-points/mikkeli/closures", new
        {
            firstDay = "2026-12-24", lastDay = "2026-12-26", reason = "Joulu",
        })).ReadJsonAsync(HttpStatusCode.Created);
        var absence = await (await admin.PostAsJsonAsync($"/api/v1/experts/{world.Expert}/absences", new
        {
            startsAt = "2026-12-01T08:00:00+02:00", endsAt = "2026-12-01T16:00:00+02:00", reason = "Koulutus",
        })).ReadJsonAsync(HttpStatusCode.Created);
        var rules = await (await admin.GetAsync($"/api/v1/experts/{world.Expert}/availability-rules")).ReadJsonAsync(HttpStatusCode.OK);
        var rooms = await (await op.GetAsync("/api/v1/service-points/mikkeli/video-rooms")).ReadJsonAsync(HttpStatusCode.OK);
        var notifications = await (await op.GetAsync("/api/v1/notifications")).ReadJsonAsync(HttpStatusCode.OK);
        return new Dictionary<string, string>
        {
            ["providerId"] = "kela",
            ["servicePointId"] = "mikkeli",
            ["serviceId"] = world.ServiceId.ToString(),
            ["expertId"] = world.Expert.ToString(),
            ["bookingId"] = booking.GetProperty("id").GetString()!,
            ["holdId"] = hold.GetProperty("id").GetString()!,
            ["closureId"] = closure.GetProperty("id").GetString()!,
            ["absenceId"] = absence.GetProperty("id").GetString()!,
            ["ruleId"] = First(rules),
            ["roomId"] = First(rooms),
            ["notificationId"] = First(notifications),
            ["path"] = "",
            // Ids nobody has: an allowed caller gets the operation's own 404 (or 409 for the built-in type).
            ["feedId"] = Guid.NewGuid().ToString(),
            ["sourceId"] = Guid.NewGuid().ToString(),
            ["eventId"] = Guid.NewGuid().ToString(),
            ["priceId"] = Guid.NewGuid().ToString(),
            ["basicPartId"] = Guid.NewGuid().ToString(),
            ["transactionTypeId"] = "appointment",
            ["token"] = "not-a-feed-token",
        };
    }

    private static Dictionary<string, object> Bodies(BookingWorld world)
    {
        var service = new
        {
            names = new { fi = "Neuvonta", sv = "Rådgivning", en = "Advice" }, durationMinutes = 45, channels = new[] { "in_person" },
            minimumNoticeMinutes = 60, bookingHorizonDays = 60, cancellationCutoffMinutes = 60,
        };
        var expert = new { displayName = "Asiantuntija", languages = new[] { "fi" }, serviceIds = new[] { world.ServiceId } };
        var rule = new
        {
            servicePointId = "mikkeli", channels = new[] { "in_person" }, startTime = "13:00", endTime = "14:00",
            recurrence = "FREQ=WEEKLY;BYDAY=MO", validFrom = "2026-10-01",
        };
        // A scheme the service refuses (400 for whoever may create one): creating a source would fetch it at once.
        var source = new { name = "Outlook", url = "ftp://calendar.example.fi/expert.ics" };
        // A walk-in of the built-in type: well formed, so the access check decides; allowed callers get its own 400.
        var walkIn = new { providerId = "kela", transactionType = "appointment", channel = "counter" };
        return new Dictionary<string, object>
        {
            ["POST /api/v1/providers/{providerId}/services"] = service,
            ["POST /api/v1/experts/{expertId}/calendar-sources"] = source,
            ["PUT /api/v1/experts/{expertId}/calendar-sources/{sourceId}"] = source,
            ["POST /api/v1/service-points/{servicePointId}/service-events"] = walkIn,
            ["PUT /api/v1/providers/{providerId}/services/{serviceId}"] = service,
            ["POST /api/v1/providers/{providerId}/experts"] = expert,
            ["PUT /api/v1/providers/{providerId}/experts/{expertId}"] = expert,
            ["POST /api/v1/experts/{expertId}/availability-rules"] = rule,
            ["PUT /api/v1/experts/{expertId}/availability-rules/{ruleId}"] = rule,
            ["POST /api/v1/experts/{expertId}/absences"] = new
            {
                startsAt = "2026-12-02T08:00:00+02:00", endsAt = "2026-12-02T16:00:00+02:00", reason = "Koulutus",
            },
            ["POST /api/v1/bookings/{bookingId}/reschedule"] = new
            {
                expertId = world.Expert, start = BookingWorld.Tuesday(11, 15), channel = "in_person", servicePointId = "mikkeli",
                reason = "Asiakkaan pyynnöstä",
            },
        };
    }

    private static string First(JsonElement page) =>
        (page.ValueKind == JsonValueKind.Array ? page : page.GetProperty("items"))[0].GetProperty("id").GetString()!;

    [GeneratedRegex(@"\{(\w+)(?::[^}]+)?\}")]
    private static partial Regex Constraint();

    [GeneratedRegex(@"\{(?:\*\*)?(\w+)\}")]
    private static partial Regex Parameter();

    [GeneratedRegex(@"(<!-- role-matrix -->)\n[\s\S]*?(<!-- /role-matrix -->)")]
    private static partial Regex ReadmeSection();
}
