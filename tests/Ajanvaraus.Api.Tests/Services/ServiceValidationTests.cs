using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Ajanvaraus.Api.Tests.Infrastructure;

namespace Ajanvaraus.Api.Tests.Services;

public sealed class ServiceValidationTests
{
    public static TheoryData<string, string, string> InvalidFields => new()
    {
        { "durationMinutes", "47", "durationMinutes" },
        { "durationMinutes", "0", "durationMinutes" },
        { "durationMinutes", "485", "durationMinutes" },
        { "channels", "[]", "channels" },
        { "channels", "null", "channels" },
        { "names", """{"fi": "", "sv": "Bostadsbidrag", "en": "Housing allowance"}""", "names.fi" },
        { "names", """{"fi": "Asumistuki", "en": "Housing allowance"}""", "names.sv" },
        { "minimumNoticeMinutes", "-5", "minimumNoticeMinutes" },
        { "minimumNoticeMinutes", "20165", "minimumNoticeMinutes" },
        { "bookingHorizonDays", "0", "bookingHorizonDays" },
        { "bookingHorizonDays", "366", "bookingHorizonDays" },
        { "cancellationCutoffMinutes", "10081", "cancellationCutoffMinutes" },
        { "card", $$"""{"fi": "{{new string('x', 4001)}}"}""", "card.fi" },
    };

    [Theory]
    [MemberData(nameof(InvalidFields))]
    public async Task CreatingAServiceWithAnInvalidFieldAnswers400NamingIt(string field, string json, string errorKey)
    {
        await using var app = new AjanvarausApp();
        var kela = await Catalogue.ProviderAsync(app, "kela");
        var body = Catalogue.ServiceBody();
        body[field] = JsonNode.Parse(json);

        var response = await kela.PostAsJsonAsync("/api/v1/providers/kela/services", body);

        await response.AssertValidationErrorAsync(errorKey);
        var list = await (await app.CreateClient().GetAsync("/api/v1/providers/kela/services")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Empty(list.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task ReplacingAServiceWithADurationOffTheFiveMinuteGridAnswers400()
    {
        await using var app = new AjanvarausApp();
        var kela = await Catalogue.ProviderAsync(app, "kela");
        var id = await Catalogue.ServiceAsync(kela, "kela");
        kela.DefaultRequestHeaders.Add("Accept-Language", "en"); // the message below is the English one

        var response = await kela.PutAsJsonAsync($"/api/v1/providers/kela/services/{id}", Catalogue.ServiceBody(durationMinutes: 33));

        var problem = await response.AssertValidationErrorAsync("durationMinutes");
        var messages = problem.GetProperty("errors").EnumerateObject().Single(e => e.NameEquals("durationMinutes") || e.NameEquals("DurationMinutes")).Value;
        Assert.Contains("multiple of 5", messages[0].GetString());
        var service = await (await kela.GetAsync($"/api/v1/providers/kela/services/{id}")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(30, service.GetProperty("durationMinutes").GetInt32());
    }

    [Fact]
    public async Task ReplacingAServiceWithoutChannelsAnswers400()
    {
        await using var app = new AjanvarausApp();
        var kela = await Catalogue.ProviderAsync(app, "kela");
        var id = await Catalogue.ServiceAsync(kela, "kela");
        var body = Catalogue.ServiceBody();
        body["channels"] = new JsonArray();

        var response = await kela.PutAsJsonAsync($"/api/v1/providers/kela/services/{id}", body);

        await response.AssertValidationErrorAsync("channels");
    }

    [Fact]
    public async Task AnUnknownChannelIsRefusedWith400()
    {
        await using var app = new AjanvarausApp();
        var kela = await Catalogue.ProviderAsync(app, "kela");

        var response = await kela.PostAsJsonAsync("/api/v1/providers/kela/services", Catalogue.ServiceBody(channels: "carrier_pigeon"));

        await response.AssertProblemAsync(HttpStatusCode.BadRequest);
    }
}
