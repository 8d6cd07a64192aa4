using System.Net;
using System.Net.Http.Json;
using Ajanvaraus.Api.Tests.Infrastructure;

namespace Ajanvaraus.Api.Tests.ServicePoints;

public sealed class ServicePointValidationTests
{
    [Fact]
    public async Task UnknownMunicipalityCodeAnswers400NamingIt()
    {
        await using var app = new AjanvarausApp();
        var response = await app.Operator().PostAsJsonAsync("/api/v1/service-points", PointFixtures.Point("nowhere", "999"));
        await response.AssertValidationErrorAsync("municipalityCode");
    }

    [Theory]
    [InlineData("Mars/Olympus_Mons")]
    [InlineData("FLE Standard Time")]
    [InlineData("")]
    public async Task TimeZoneMustBeAnIanaId(string zone)
    {
        await using var app = new AjanvarausApp();
        var body = PointFixtures.Point("mikkeli");
        body["timeZone"] = zone;
        var response = await app.Operator().PostAsJsonAsync("/api/v1/service-points", body);
        await response.AssertValidationErrorAsync("timeZone");
    }

    [Fact]
    public async Task UnknownProviderAnswers400NamingProviders()
    {
        await using var app = new AjanvarausApp();
        var op = app.Operator();
        await op.ProviderAsync("kela");
        var response = await op.PostAsJsonAsync("/api/v1/service-points", PointFixtures.Point("mikkeli", "491", "kela", "nobody"));
        var problem = await response.AssertValidationErrorAsync("providers");
        Assert.Contains("nobody", problem.GetProperty("errors").GetProperty("providers")[0].GetString());
        await (await app.CreateClient().GetAsync("/api/v1/service-points/mikkeli")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("id", "Mikkeli YPS", "id")]
    [InlineData("names", null, "names")]
    [InlineData("municipalityCode", "49", "municipalityCode")]
    [InlineData("postalCode", "5010", "address.postalCode")]
    [InlineData("postalCode", "5010A", "address.postalCode")]
    [InlineData("weekday", 8, "openingHours[0].weekday")]
    [InlineData("weekday", 0, "openingHours[0].weekday")]
    [InlineData("opens", "9:00", "openingHours[0].opens")]
    [InlineData("opens", "09:03", "openingHours[0].opens")]
    [InlineData("closes", "24:00", "openingHours[0].closes")]
    [InlineData("closes", "08:00", "openingHours[0].closes")]
    [InlineData("closes", "09:00", "openingHours[0].closes")]
    public async Task InvalidServicePointAnswers400NamingTheField(string property, object? value, string field)
    {
        await using var app = new AjanvarausApp();
        var body = PointFixtures.Point("mikkeli");
        var address = new Dictionary<string, object?> { ["streetAddress"] = "Maaherrankatu 9", ["postalCode"] = "50100",
            ["postOffice"] = "Mikkeli" };
        var hours = new Dictionary<string, object?> { ["weekday"] = 1, ["opens"] = "09:00", ["closes"] = "16:00" };
        var target = address.ContainsKey(property) ? address : hours.ContainsKey(property) ? hours : body;
        target[property] = value;
        body["address"] = address;
        body["openingHours"] = new[] { hours };

        var response = await app.Operator().PostAsJsonAsync("/api/v1/service-points", body);
        await response.AssertValidationErrorAsync(field);
    }

    [Fact]
    public async Task OverlappingOpeningPeriodsAnswer400()
    {
        await using var app = new AjanvarausApp();
        var body = PointFixtures.Point("mikkeli");
        body["openingHours"] = new object[] { new { weekday = 2, opens = "09:00", closes = "12:00" }, new { weekday = 2, opens = "11:00",
            closes = "15:00" } };
        var response = await app.Operator().PostAsJsonAsync("/api/v1/service-points", body);
        await response.AssertValidationErrorAsync("openingHours");
    }

    [Fact]
    public async Task ReplacingAServicePointValidatesLikeCreating()
    {
        await using var app = new AjanvarausApp();
        var op = app.Operator();
        await op.PointAsync(PointFixtures.Point("mikkeli"));
        var body = PointFixtures.Point("mikkeli", "000");
        body.Remove("id");
        body["address"] = new { streetAddress = "Katu 1", postalCode = "123", postOffice = "Mikkeli" };
        var response = await op.PutAsJsonAsync("/api/v1/service-points/mikkeli", body);
        await response.AssertValidationErrorAsync("address.postalCode");

        body["address"] = new { streetAddress = "Katu 1", postalCode = "50100", postOffice = "Mikkeli" };
        await (await op.PutAsJsonAsync("/api/v1/service-points/mikkeli", body)).AssertValidationErrorAsync("municipalityCode");
    }

    [Fact]
    public async Task NestedFieldsAreNamedByTheirPath()
    {
        await using var app = new AjanvarausApp();
        var body = PointFixtures.Point("mikkeli");
        body["names"] = new { fi = "Mikkeli", sv = "", en = "Mikkeli" };
        body["address"] = new { streetAddress = "Maaherrankatu 9", postalCode = "50100" };
        body["accessibilityNotes"] = new { fi = new string('x', 4001) };

        var response = await app.Operator().PostAsJsonAsync("/api/v1/service-points", body);
        await response.AssertValidationErrorAsync("names.sv");
        await response.AssertValidationErrorAsync("address.postOffice");
        await response.AssertValidationErrorAsync("accessibilityNotes.fi");
    }
}
