using System.Net;
using System.Net.Http.Json;
using Ajanvaraus.Api.Tests.Bookings;
using Ajanvaraus.Api.Tests.Infrastructure;

namespace Ajanvaraus.Api.Tests.Hosting;

// Enum values are case-sensitive in bodies and queries alike; names hold no control characters, notes may hold
// line breaks and nothing else (issue 15, item 13).
public sealed class InputRuleTests
{
    [Theory]
    [InlineData("InPerson")]
    [InlineData("inperson")]
    [InlineData("IN_PERSON")]
    [InlineData("In_Person")]
    public async Task AnEnumInTheBodyIsTakenOnlyInItsExactSpelling(string channel)
    {
        await using var world = await BookingWorld.CreateAsync();
        var rule = new { servicePointId = "mikkeli", channels = new[] { channel }, startTime = "13:00", endTime = "14:00",
            validFrom = "2026-12-01" };
        var response = await world.App.AgencyAdmin("kela").PostAsJsonAsync($"/api/v1/experts/{world.Expert}/availability-rules", rule);
        var problem = await response.AssertValidationErrorAsync("channels[0]");
        ErrorTextTests.AssertNoInternals(problem.ToString());
    }

    [Theory]
    [InlineData("/api/v1/availability?service={service}&servicePoint=mikkeli&channel=IN_PERSON", "channel")]
    [InlineData("/api/v1/services?channel=In_Person", "channel")]
    [InlineData("/api/v1/providers/kela/bookings?status=Confirmed", "status")]
    public async Task AnEnumInTheQueryIsTakenOnlyInItsExactSpelling(string url, string field)
    {
        await using var world = await BookingWorld.CreateAsync();
        var response = await world.App.AgencyAdmin("kela").GetAsync(url.Replace("{service}", world.ServiceId.ToString()));
        await response.AssertValidationErrorAsync(field);
    }

    [Fact]
    public async Task TheExactSpellingIsTakenInBodyAndQuery()
    {
        await using var world = await BookingWorld.CreateAsync();
        var admin = world.App.AgencyAdmin("kela");
        var rule = new { servicePointId = "mikkeli", channels = new[] { "in_person" }, startTime = "13:00", endTime = "14:00",
            validFrom = "2026-12-01" };
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync($"/api/v1/experts/{world.Expert}/availability-rules",
            rule)).StatusCode);
        var search = await admin.GetAsync($"/api/v1/availability?service={world.ServiceId}&servicePoint=mikkeli&channel=in_person");
        Assert.Equal(HttpStatusCode.OK, search.StatusCode);
    }

    [Theory]
    [InlineData("Kela\n")]
    [InlineData("Ke\tla")]
    [InlineData("Kela\u0000")]
    [InlineData("Kela\u001b[31m")]
    [InlineData("Kela\u2028")]
    public async Task ControlCharactersInANameAnswer400NamingIt(string name)
    {
        await using var app = new AjanvarausApp();
        var response = await app.Operator().PostAsJsonAsync("/api/v1/providers", new { id = "kela", names = new { fi = name, sv = "FPA",
            en = "Kela" } });
        await response.AssertValidationErrorAsync("names.fi");
    }

    [Fact]
    public async Task ControlCharactersInAnExpertsAndARoomsNameAnswer400()
    {
        await using var world = await BookingWorld.CreateAsync();
        var expert = new { displayName = "Anna\rK.", languages = new[] { "fi" }, serviceIds = new[] { world.ServiceId } };
        await (await world.App.AgencyAdmin("kela").PostAsJsonAsync("/api/v1/providers/kela/experts",
            expert)).AssertValidationErrorAsync("displayName");
        var room = new { name = "Huone\u0007" };
        await (await world.App.Operator().PostAsJsonAsync("/api/v1/service-points/mikkeli/video-rooms",
            room)).AssertValidationErrorAsync("name");
    }

    [Fact]
    public async Task NotesMayHoldLineBreaksAndNothingElse()
    {
        await using var world = await BookingWorld.CreateAsync();
        var admin = world.App.AgencyAdmin("kela");
        var url = $"/api/v1/experts/{world.Expert}/absences";
        var withBreaks = new { startsAt = "2026-12-02T09:00:00+02:00", endsAt = "2026-12-02T10:00:00+02:00",
            reason = "Koulutus\r\nSali 2" };
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync(url, withBreaks)).StatusCode);
        var withTab = new { startsAt = "2026-12-03T09:00:00+02:00", endsAt = "2026-12-03T10:00:00+02:00", reason = "Koulutus\tSali 2" };
        await (await admin.PostAsJsonAsync(url, withTab)).AssertValidationErrorAsync("reason");
    }
}
