using System.Net;
using System.Text;
using System.Text.Json;
using Ajanvaraus.Api.Tests.Infrastructure;

namespace Ajanvaraus.Api.Tests.Statistics;

public sealed class StatisticsApiTests
{
    private const string Day = "from=2026-11-24&to=2026-11-24";

    [Fact]
    public async Task AScriptedDayCountsEveryOutcomeChannelAndMaker()
    {
        await using var world = await StatisticsDay.CreateAsync();

        var body = await (await world.App.Operator().GetAsync($"/api/v1/statistics?{Day}&groupBy=provider,channel"))
            .ReadJsonAsync(HttpStatusCode.OK);

        var rows = Rows(body);
        Assert.Equal(["kela/appointment", "kela/counter", "kela/remote_at_point", "vero/appointment", "vero/self_service"], rows.Keys.Order());
        var kela = rows["kela/appointment"];
        Assert.Equal(5, kela.GetProperty("bookingsMade").GetInt32());
        Assert.Equal(2, kela.GetProperty("completed").GetInt32());
        Assert.Equal(2, kela.GetProperty("serviceEvents").GetInt32());
        Assert.Equal(1, kela.GetProperty("noShow").GetInt32());
        Assert.Equal(1, kela.GetProperty("cancelledByCustomer").GetInt32());
        Assert.Equal(1, kela.GetProperty("cancelledByStaff").GetInt32());
        Assert.Equal(5, kela.GetProperty("madeByCitizen").GetInt32());
        Assert.Equal(135, kela.GetProperty("bookedMinutes").GetInt32());
        Assert.Equal(360, kela.GetProperty("publishedMinutes").GetInt32());
        Assert.Equal(0.375, kela.GetProperty("utilisation").GetDouble());
        Assert.Equal(1440, kela.GetProperty("medianLeadTimeMinutes").GetDouble());
        Assert.Equal(1, rows["kela/counter"].GetProperty("serviceEvents").GetInt32());
        Assert.Equal(0, rows["kela/counter"].GetProperty("bookingsMade").GetInt32());
        Assert.Equal(1, rows["kela/remote_at_point"].GetProperty("walkInEvents").GetInt32());
        var vero = rows["vero/appointment"];
        Assert.Equal(1, vero.GetProperty("madeByAdviser").GetInt32());
        Assert.Equal(1, vero.GetProperty("serviceEvents").GetInt32());
        Assert.Equal(1, rows["vero/self_service"].GetProperty("serviceEvents").GetInt32());
    }

    [Fact]
    public async Task WithoutGroupingOneRowSumsTheDayAndOtherDaysAreEmpty()
    {
        await using var world = await StatisticsDay.CreateAsync();

        var all = await (await world.App.Operator().GetAsync($"/api/v1/statistics?{Day}")).ReadJsonAsync(HttpStatusCode.OK);
        var before = await (await world.App.Operator().GetAsync("/api/v1/statistics?from=2026-11-01&to=2026-11-23&groupBy=month"))
            .ReadJsonAsync(HttpStatusCode.OK);

        var row = Assert.Single(all.GetProperty("rows").EnumerateArray());
        Assert.Equal(6, row.GetProperty("bookingsMade").GetInt32());
        Assert.Equal(6, row.GetProperty("serviceEvents").GetInt32());
        Assert.Equal(3, row.GetProperty("walkInEvents").GetInt32());
        // Monday's windows are published; no booking or event falls on it.
        var monday = Assert.Single(before.GetProperty("rows").EnumerateArray());
        Assert.Equal("2026-11", monday.GetProperty("month").GetString());
        Assert.Equal(0, monday.GetProperty("bookingsMade").GetInt32());
    }

    [Theory]
    [InlineData("adviser-here", "", HttpStatusCode.OK, "mikkeli/kela,mikkeli/vero")]
    [InlineData("adviser-here", "&servicePoint=kiiminki", HttpStatusCode.Forbidden, "")]
    [InlineData("adviser-elsewhere", "", HttpStatusCode.OK, "")]
    [InlineData("agency-vero", "", HttpStatusCode.OK, "mikkeli/vero")]
    [InlineData("agency-vero", "&provider=kela", HttpStatusCode.Forbidden, "")]
    [InlineData("operator", "", HttpStatusCode.OK, "-/kela,mikkeli/kela,mikkeli/vero")]
    [InlineData("portal", "", HttpStatusCode.Forbidden, "")]
    [InlineData("anonymous", "", HttpStatusCode.Unauthorized, "")]
    public async Task EachRoleSeesOnlyItsOwnRows(string who, string filter, HttpStatusCode expected, string keys)
    {
        await using var world = await StatisticsDay.CreateAsync();
        var client = who switch
        {
            "adviser-here" => world.App.Adviser("mikkeli"),
            "adviser-elsewhere" => world.App.Adviser("kiiminki"),
            "agency-vero" => world.App.AgencyAdmin("vero"),
            "operator" => world.App.Operator(),
            "portal" => world.App.Portal("mikkeli.fi"),
            _ => world.App.CreateClient(),
        };

        var response = await client.GetAsync($"/api/v1/statistics?{Day}&groupBy=servicePoint,provider{filter}");

        Assert.Equal(expected, response.StatusCode);
        if (expected == HttpStatusCode.OK)
        {
            var body = await response.ReadJsonAsync(HttpStatusCode.OK);
            var found = body.GetProperty("rows").EnumerateArray()
                .Select(r => $"{(r.TryGetProperty("servicePointId", out var p) ? p.GetString() : "-")}/{r.GetProperty("providerId").GetString()}");
            Assert.Equal(keys, string.Join(",", found.Order(StringComparer.Ordinal)));
        }
    }

    [Fact]
    public async Task CsvParsesBackToTheSameFigures()
    {
        await using var world = await StatisticsDay.CreateAsync();
        var client = world.App.Operator();
        client.DefaultRequestHeaders.Accept.ParseAdd("text/csv");

        var response = await client.GetAsync($"/api/v1/statistics?{Day}&groupBy=provider,channel,month");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var header = lines[0].Split(';');
        Assert.Equal(6, lines.Length);
        var kela = lines.Skip(1).Select(l => l.Split(';')).Single(f => f[1] == "kela" && f[2] == "appointment");
        string Field(string name) => kela[Array.IndexOf(header, name)];
        Assert.Equal("2026-11", Field("month"));
        Assert.Equal("5", Field("bookingsMade"));
        Assert.Equal("0,375", Field("utilisation"));
        Assert.Equal("1440", Field("medianLeadTimeMinutes"));
        Assert.Equal("", Field("servicePointId"));
    }

    [Theory]
    [InlineData("from=2026-11-24&to=2026-11-23", "to")]
    [InlineData("from=2025-01-01&to=2027-12-31", "to")]
    [InlineData("from=2026-11-24&to=2026-11-24&groupBy=weekday", "groupBy")]
    [InlineData("to=2026-11-24", "from")]
    public async Task AnUnusablePeriodOrGroupingIsABadRequestNamingTheField(string query, string field)
    {
        await using var app = new AjanvarausApp();

        var response = await app.Operator().GetAsync($"/api/v1/statistics?{query}");

        await response.AssertValidationErrorAsync(field);
    }

    private static Dictionary<string, JsonElement> Rows(JsonElement body) =>
        body.GetProperty("rows").EnumerateArray().ToDictionary(r => $"{r.GetProperty("providerId").GetString()}/{r.GetProperty("channel").GetString()}");
}
