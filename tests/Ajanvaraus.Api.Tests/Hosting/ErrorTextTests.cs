using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.RegularExpressions;
using Ajanvaraus.Api.Tests.Bookings;
using Ajanvaraus.Api.Tests.Infrastructure;

namespace Ajanvaraus.Api.Tests.Hosting;

// Errors a portal can show: keyed by the JSON field, a sentence a person understands, never a C# type, parameter or
// attribute name, never a byte position (issue 15, item 11).
public sealed partial class ErrorTextTests
{
    private static readonly string[] Internals =
        ["Nullable", "Ajanvaraus.Api", "Attribute", "(Parameter '", "System.", "BytePosition", "LineNumber", "Path: $", "Implicit body",
            "Int32"];

    [Fact]
    public async Task ALimitThatIsNoNumberNamesLimitInWords()
    {
        await using var app = new AjanvarausApp();
        var problem = await (await English(app).GetAsync("/api/v1/providers?limit=abc")).AssertValidationErrorAsync("limit");
        AssertNoInternals(problem.ToString());
        Assert.Equal("Give a whole number.", problem.GetProperty("errors").GetProperty("limit")[0].GetString());
    }

    [Fact]
    public async Task AJsonValueOfTheWrongTypeNamesTheFieldAndWhatItWants()
    {
        await using var world = await BookingWorld.CreateAsync();
        var body = new StringContent("""{"serviceId": 5, "start": "2026-11-24T09:00:00+02:00"}""", Encoding.UTF8, "application/json");
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/bookings") { Content = body };
        request.Headers.Add("Idempotency-Key", "k1");
        request.Headers.AcceptLanguage.ParseAdd("en");
        var problem = await (await world.App.CreateClient().SendAsync(request)).AssertValidationErrorAsync("serviceId");
        AssertNoInternals(problem.ToString());
        Assert.StartsWith("Give an id in UUID form", problem.GetProperty("errors").GetProperty("serviceId")[0].GetString());
    }

    [Fact]
    public async Task AWrongTypeInANestedRecordNamesTheDottedField()
    {
        await using var app = new AjanvarausApp();
        var body = new StringContent("""{"id": "kela", "names": {"fi": 1, "sv": "b", "en": "c"}}""", Encoding.UTF8, "application/json");
        var problem = await (await English(app, app.Operator()).PostAsync("/api/v1/providers",
            body)).AssertValidationErrorAsync("names.fi");
        AssertNoInternals(problem.ToString());
        Assert.Equal("Give a text (in quotes).", problem.GetProperty("errors").GetProperty("names.fi")[0].GetString());
    }

    [Fact]
    public async Task AnEmptyBodyAsksForABody()
    {
        await using var app = new AjanvarausApp();
        var empty = new StringContent("", Encoding.UTF8, "application/json");
        var problem = await (await English(app, app.Operator()).PostAsync("/api/v1/providers", empty)).AssertValidationErrorAsync("body");
        AssertNoInternals(problem.ToString());
        Assert.Equal("Send a JSON body.", problem.GetProperty("errors").GetProperty("body")[0].GetString());
    }

    [Fact]
    public async Task MalformedJsonSaysSoWithoutBytePositions()
    {
        await using var app = new AjanvarausApp();
        var broken = new StringContent("{\"id\": \"kela\", \"names\": ", Encoding.UTF8, "application/json");
        var problem = await (await English(app, app.Operator()).PostAsync("/api/v1/providers",
            broken)).AssertProblemAsync(HttpStatusCode.BadRequest);
        AssertNoInternals(problem.ToString());
    }

    [Fact]
    public async Task AnUnknownChannelInTheQueryListsTheChannels()
    {
        await using var world = await BookingWorld.CreateAsync();
        var url = $"/api/v1/availability?service={world.ServiceId}&servicePoint=mikkeli&channel=bogus";
        var problem = await (await English(world.App).GetAsync(url)).AssertValidationErrorAsync("channel");
        AssertNoInternals(problem.ToString());
        Assert.Equal("Use in_person, remote_at_point, video or phone.",
            problem.GetProperty("errors").GetProperty("channel")[0].GetString());
    }

    [Fact]
    public async Task AMissingFieldSaysRequiredWithoutTheCSharpName()
    {
        await using var app = new AjanvarausApp();
        var problem = await (await English(app, app.Operator()).PostAsJsonAsync("/api/v1/providers", new { names = new { fi = "a",
            sv = "b", en = "c" } }))
            .AssertValidationErrorAsync("id");
        AssertNoInternals(problem.ToString());
        Assert.Equal("Required.", problem.GetProperty("errors").GetProperty("id")[0].GetString());
    }

    [Theory]
    [InlineData("FREQ=BOGUS")]
    [InlineData("FREQ=WEEKLY;BYDAY=XX")]
    [InlineData("FREQ=WEEKLY;COUNT=abc")]
    public async Task ABadRruleNamesRecurrenceInWords(string recurrence)
    {
        await using var world = await BookingWorld.CreateAsync();
        var rule = new { servicePointId = "mikkeli", channels = new[] { "in_person" }, startTime = "09:00", endTime = "10:00",
            recurrence, validFrom = "2026-12-01" };
        var response = await English(world.App,
            world.App.AgencyAdmin("kela")).PostAsJsonAsync($"/api/v1/experts/{world.Expert}/availability-rules", rule);
        var problem = await response.AssertValidationErrorAsync("recurrence");
        AssertNoInternals(problem.ToString());
    }

    private static HttpClient English(AjanvarausApp app, HttpClient? client = null)
    {
        client ??= app.CreateClient();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        return client;
    }

    internal static void AssertNoInternals(string problem)
    {
        foreach (var word in Internals)
        {
            Assert.DoesNotContain(word, problem);
        }

        Assert.DoesNotMatch(CSharpFieldName(), problem);
    }

    // DataAnnotations' defaults: "The Name field is required.", "The field Limit must be between…".
    [GeneratedRegex(@"The (?:field )?[A-Z]\w* field|The field [A-Z]\w* ")]
    private static partial Regex CSharpFieldName();
}
