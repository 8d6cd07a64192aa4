using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Ajanvaraus.Api.Tests.Bookings;
using Ajanvaraus.Api.Tests.Infrastructure;
using Dapper;

namespace Ajanvaraus.Api.Tests.Hosting;

// Every date and instant a caller can send is held to 2000-01-01 … 2100-12-31 before anything is written: year 1 and
// year 9999 once answered 500 on a dozen endpoints, and an absence from 0001 to 9999 was committed before its answer
// failed, leaving the expert's absence list answering 500 for good (issue 22, item 7).
public sealed class DateRangeTests
{
    // Who asks, how, where, the body ({x} is the date or instant under test) and the field the 400 must name. The table
    // is every date-time and date in the contract's parameters and request bodies; EveryDateOfTheContractIsInTheTable
    // keeps it so.
    private static readonly (string Who, string Method, string Path, string? Body, string Field)[] Cases =
    [
        ("anonymous", "GET", "/api/v1/service-points/mikkeli/closures?from={d}", null, "from"),
        ("anonymous", "GET", "/api/v1/service-points/mikkeli/closures?to={d}", null, "to"),
        ("operator", "POST", "/api/v1/service-points/mikkeli/closures", """{"firstDay":"{d}","lastDay":"2026-12-31"}""", "firstDay"),
        ("operator", "POST", "/api/v1/service-points/mikkeli/closures", """{"firstDay":"2026-12-01","lastDay":"{d}"}""", "lastDay"),
        ("agency", "POST", "/api/v1/experts/{expert}/availability-rules", Rule("\"{d}\"", "null"), "validFrom"),
        ("agency", "POST", "/api/v1/experts/{expert}/availability-rules", Rule("\"2026-12-01\"", "\"{d}\""), "validUntil"),
        ("agency", "PUT", "/api/v1/experts/{expert}/availability-rules/{rule}", Rule("\"{d}\"", "null"), "validFrom"),
        ("agency", "PUT", "/api/v1/experts/{expert}/availability-rules/{rule}", Rule("\"2026-12-01\"", "\"{d}\""), "validUntil"),
        ("agency", "POST", "/api/v1/experts/{expert}/absences", """{"startsAt":"{t}","endsAt":"2026-12-01T10:00:00+02:00"}""",
            "startsAt"),
        ("agency", "POST", "/api/v1/experts/{expert}/absences", """{"startsAt":"2026-12-01T08:00:00+02:00","endsAt":"{t}"}""",
            "endsAt"),
        ("agency", "GET", "/api/v1/experts/{expert}/windows?from={d}", null, "from"),
        ("agency", "GET", "/api/v1/experts/{expert}/windows?to={d}", null, "to"),
        ("anonymous", "GET", "/api/v1/availability?service={service}&servicePoint=mikkeli&from={d}", null, "from"),
        ("anonymous", "GET", "/api/v1/availability?service={service}&servicePoint=mikkeli&to={d}", null, "to"),
        ("anonymous", "POST", "/api/v1/holds", """{"serviceId":"{service}","start":"{t}","channel":"video"}""", "start"),
        ("anonymous", "POST", "/api/v1/bookings", """
            {"serviceId":"{service}","start":"{t}","channel":"video","customer":{"name":"Maija","email":"m@example.fi","language":"fi"}}
            """, "start"),
        ("citizen", "POST", "/api/v1/bookings/{booking}/reschedule", """{"start":"{t}"}""", "start"),
        ("operator", "POST", "/api/v1/bookings/{booking}/reschedule", """{"start":"{t}","reason":"Asiakas soitti"}""", "start"),
        ("agency", "GET", "/api/v1/providers/kela/bookings?from={d}", null, "from"),
        ("agency", "GET", "/api/v1/providers/kela/bookings?to={d}", null, "to"),
        ("operator", "GET", "/api/v1/statistics?from={d}&to=2026-11-30", null, "from"),
        ("operator", "GET", "/api/v1/statistics?from=2026-11-01&to={d}", null, "to"),
        ("operator", "GET", "/api/v1/compensation?servicePoint=mikkeli&from={d}&to=2026-11-30", null, "from"),
        ("operator", "GET", "/api/v1/compensation?servicePoint=mikkeli&from=2026-11-01&to={d}", null, "to"),
        ("operator", "GET", "/api/v1/service-points/mikkeli/agenda?date={d}", null, "date"),
        ("operator", "GET", "/api/v1/service-points/mikkeli/free-times?date={d}", null, "date"),
        ("operator", "POST", "/api/v1/service-points/mikkeli/service-events",
            """{"providerId":"kela","transactionType":"neuvonta","channel":"counter","at":"{t}"}""", "at"),
        ("operator", "GET", "/api/v1/service-points/mikkeli/service-events?date={d}", null, "date"),
        ("operator", "POST", "/api/v1/compensation/prices", """{"transactionType":"neuvonta","validFrom":"{d}","unitPrice":5}""",
            "validFrom"),
        ("operator", "POST", "/api/v1/compensation/prices",
            """{"transactionType":"neuvonta","validFrom":"2026-12-01","validUntil":"{d}","unitPrice":5}""", "validUntil"),
        ("operator", "POST", "/api/v1/compensation/basic-parts",
            """{"servicePointId":"mikkeli","providerId":"kela","validFrom":"{d}","monthlyAmount":300}""", "validFrom"),
        ("operator", "POST", "/api/v1/compensation/basic-parts",
            """{"servicePointId":"mikkeli","providerId":"kela","validFrom":"2026-12-01","validUntil":"{d}","monthlyAmount":300}""",
            "validUntil"),
    ];

    private static readonly Dictionary<string, string> Message = new()
    {
        ["en"] = "Give a date from 2000-01-01 to 2100-12-31.",
        ["fi"] = "Anna päivämäärä väliltä 2000-01-01–2100-12-31.",
        ["sv"] = "Ange ett datum mellan 2000-01-01 och 2100-12-31.",
    };

    private static string Rule(string validFrom, string validUntil) =>
        $$"""{"servicePointId":"mikkeli","channels":["in_person"],"startTime":"13:00","endTime":"14:00","validFrom":{{validFrom}},"validUntil":{{validUntil}}}""";

    [Theory]
    [InlineData("0001-01-01", "0001-01-01T00:00:00+00:00")]
    [InlineData("9999-12-31", "9999-12-31T23:59:59+00:00")]
    [InlineData("1999-12-31", "1999-12-31T23:59:59+00:00")]
    [InlineData("2101-01-01", "2101-01-01T00:00:00+00:00")]
    public async Task EveryDateAndInstantOutsideTheSaneRangeAnswers400NamingItInTheCallersLanguage(string date, string instant)
    {
        await using var world = await BookingWorld.CreateAsync();
        var (booking, token, rule) = await SetUpAsync(world);
        var before = await WrittenAsync(world);
        var failures = new List<string>();
        var languages = new[] { "fi", "sv", "en" };
        for (var i = 0; i < Cases.Length; i++)
        {
            var (who, method, path, body, field) = Cases[i];
            string Fill(string text) => text.Replace("{d}", date).Replace("{t}", instant).Replace("{service}", world.ServiceId.ToString())
                .Replace("{expert}", world.Expert.ToString()).Replace("{booking}", booking.ToString()).Replace("{rule}", rule.ToString());
            var language = languages[i % languages.Length];
            using var request = new HttpRequestMessage(new HttpMethod(method), Fill(path));
            request.Headers.AcceptLanguage.ParseAdd(language);
            if (body is not null)
            {
                request.Content = new StringContent(Fill(body), Encoding.UTF8, "application/json");
            }

            if (method == "POST" && path == "/api/v1/bookings")
            {
                request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
            }

            if (who == "citizen")
            {
                request.Headers.Add("X-Manage-Token", token);
            }

            var client = who switch
            {
                "operator" => world.App.Operator(),
                "agency" => world.App.AgencyAdmin("kela"),
                _ => world.App.CreateClient(),
            };
            var response = await client.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            if (response.StatusCode != HttpStatusCode.BadRequest || !text.Contains($"\"{field}\":[\"{Message[language]}\"", StringComparison.Ordinal))
            {
                failures.Add($"{method} {Fill(path)} ({language}): {(int)response.StatusCode} {text}");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.Equal(before, await WrittenAsync(world));
    }

    // What the refused writes must have left as it was.
    private const string WrittenSql = """
        SELECT (SELECT COUNT(*) FROM Absences) || ' ' || (SELECT COUNT(*) FROM ServicePointClosures) || ' '
            || (SELECT COUNT(*) FROM ServiceEvents) || ' ' || (SELECT COUNT(*) FROM TransactionPrices) || ' '
            || (SELECT COUNT(*) FROM BasicParts) || ' ' || (SELECT COUNT(*) FROM Holds) || ' ' || (SELECT COUNT(*) FROM Bookings) || ' '
            || (SELECT group_concat(ValidFrom || '/' || COALESCE(ValidUntil, '-')) FROM AvailabilityRules) || ' '
            || (SELECT group_concat(StartsAt) FROM Bookings)
        """;

    private static async Task<string> WrittenAsync(BookingWorld world)
    {
        await using var c = await world.App.Db.OpenAsync(TestContext.Current.CancellationToken);
        return await c.ExecuteScalarAsync<string>(WrittenSql) ?? "";
    }

    [Fact]
    public async Task AnAbsenceFromYearOneToYear9999IsRefusedAndNothingIsWritten()
    {
        await using var world = await BookingWorld.CreateAsync();
        var admin = world.App.AgencyAdmin("kela");
        var response = await admin.PostAsJsonAsync($"/api/v1/experts/{world.Expert}/absences",
            new { startsAt = "0001-01-01T00:00:00+00:00", endsAt = "9999-12-31T23:59:59+00:00" });

        await response.AssertValidationErrorAsync("startsAt");
        await using var c = await world.App.Db.OpenAsync(TestContext.Current.CancellationToken);
        Assert.Equal(0, await c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM Absences"));
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"/api/v1/experts/{world.Expert}/absences")).StatusCode);
        var search = await world.App.CreateClient().GetAsync($"/api/v1/availability?service={world.ServiceId}&servicePoint=mikkeli");
        Assert.NotEqual(0, (await search.ReadJsonAsync(HttpStatusCode.OK)).GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task TheEdgesOfTheRangeAreTaken()
    {
        await using var world = await BookingWorld.CreateAsync();
        var op = world.App.Operator();
        var closure = await op.PostAsJsonAsync("/api/v1/service-points/mikkeli/closures",
            new { firstDay = "2100-12-30", lastDay = "2100-12-31" });
        var absence = await world.App.AgencyAdmin("kela").PostAsJsonAsync($"/api/v1/experts/{world.Expert}/absences",
            new { startsAt = "2000-01-01T00:00:00+00:00", endsAt = "2100-12-31T23:59:59+00:00" });
        var statistics = await op.GetAsync("/api/v1/statistics?from=2000-01-01&to=2000-01-31");

        Assert.Equal(HttpStatusCode.Created, closure.StatusCode);
        Assert.Equal(HttpStatusCode.Created, absence.StatusCode);
        Assert.Equal(HttpStatusCode.OK, statistics.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await world.App.AgencyAdmin("kela").GetAsync($"/api/v1/experts/{world.Expert}/absences")).StatusCode);
    }

    // A new date in the contract fails here until it joins the table.
    [Fact]
    public void EveryDateOfTheContractIsInTheTable()
    {
        var inTable = Cases.Select(c => $"{c.Method} {Template(c.Path)} {c.Field}").ToHashSet();
        var missing = DateFieldsOfTheContract().Where(f => !inTable.Contains(f)).ToList();
        Assert.True(missing.Count == 0, "Not in the table: " + string.Join(", ", missing));
    }

    // "METHOD /path field" for each query parameter and top-level body property the contract says is a date or date-time.
    private static IEnumerable<string> DateFieldsOfTheContract()
    {
        var root = ContractDocument.Committed.Root;
        var schemas = root["components"]!["schemas"]!;
        static bool IsDate(JsonNode? schema) => schema?["format"]?.GetValue<string>() is "date" or "date-time";
        foreach (var (path, item) in root["paths"]!.AsObject())
        {
            foreach (var (method, operation) in item!.AsObject().Where(m => m.Key is "get" or "post" or "put" or "delete"))
            {
                foreach (var parameter in operation!["parameters"]?.AsArray() ?? [])
                {
                    if (IsDate(parameter!["schema"]))
                    {
                        yield return $"{method.ToUpperInvariant()} {path} {parameter["name"]}";
                    }
                }

                var reference = operation["requestBody"]?["content"]?["application/json"]?["schema"]?["$ref"]?.GetValue<string>();
                var properties = reference is null ? null : schemas[reference.Split('/')[^1]]!["properties"]?.AsObject();
                foreach (var (name, schema) in properties ?? [])
                {
                    if (IsDate(schema) || (schema!["oneOf"] ?? schema["anyOf"])?.AsArray().Any(IsDate) == true)
                    {
                        yield return $"{method.ToUpperInvariant()} {path} {name}";
                    }
                }
            }
        }
    }

    private static string Template(string path) => path.Split('?')[0].Replace("mikkeli", "{servicePointId}").Replace("kela", "{providerId}")
        .Replace("{expert}", "{expertId}").Replace("{rule}", "{ruleId}").Replace("{booking}", "{bookingId}");

    private static async Task<(Guid Booking, string Token, Guid Rule)> SetUpAsync(BookingWorld world)
    {
        var op = world.App.Operator();
        Assert.True((await op.PostAsJsonAsync("/api/v1/transaction-types", new
        {
            id = "neuvonta", names = new { fi = "Yleisneuvonta", sv = "Allmän rådgivning", en = "General guidance" },
        })).IsSuccessStatusCode);
        var booking = await world.BookOkAsync(world.Booking(BookingWorld.Tuesday(9)));
        var rules = await (await world.App.AgencyAdmin("kela").GetAsync($"/api/v1/experts/{world.Expert}/availability-rules")).ReadJsonAsync(HttpStatusCode.OK);
        return (booking.GetProperty("id").GetGuid(), booking.GetProperty("manageToken").GetString()!,
            rules.GetProperty("items")[0].GetProperty("id").GetGuid());
    }
}
