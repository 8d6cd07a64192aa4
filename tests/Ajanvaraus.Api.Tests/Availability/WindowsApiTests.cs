using System.Net;
using System.Net.Http.Json;
using Ajanvaraus.Api.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;
using static Ajanvaraus.Api.Tests.Availability.AvailabilityRulesApiTests;

namespace Ajanvaraus.Api.Tests.Availability;

public sealed class WindowsApiTests
{
    [Fact]
    public async Task DailyNineOClockRuleKeepsLocalTimeAcrossTheAutumnDstChange()
    {
        await using var app = new AjanvarausApp(clock: new FakeTimeProvider(DateTimeOffset.Parse("2026-10-20T08:00:00Z")));
        var fixture = await AvailabilityFixture.SeedAsync(app);
        var kela = app.AgencyAdmin("kela");
        await kela.PostAsJsonAsync(Rules(fixture.KelaExpert), Rule(start: "09:00", end: "12:00", validFrom: "2026-10-01"));

        var windows = await WindowsAsync(kela, fixture.KelaExpert, "2026-10-23", "2026-10-26");

        Assert.Equal(
            ["2026-10-23T09:00:00+03:00", "2026-10-24T09:00:00+03:00", "2026-10-25T09:00:00+02:00", "2026-10-26T09:00:00+02:00"],
            windows.Select(Start));
        Assert.Equal("2026-10-26T12:00:00+02:00", windows[^1].GetProperty("end").GetString());
        Assert.All(windows, w => Assert.Equal("mikkeli", w.GetProperty("servicePointId").GetString()));
    }

    [Fact]
    public async Task HolidaysHaveNoWindows()
    {
        await using var app = new AjanvarausApp(clock: November23());
        var fixture = await AvailabilityFixture.SeedAsync(app);
        var kela = app.AgencyAdmin("kela");
        await kela.PostAsJsonAsync(Rules(fixture.KelaExpert), Rule(recurrence: "FREQ=DAILY", validFrom: "2026-12-01"));
        var colleague = await AvailabilityFixture.AddExpertAsync(app, "kela");
        await kela.PostAsJsonAsync(Rules(colleague), Rule(recurrence: "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", validFrom: "2026-12-01"));

        var daily = (await WindowsAsync(kela, fixture.KelaExpert, "2026-12-01", "2026-12-31")).Select(w => Start(w)[..10]).ToList();
        Assert.DoesNotContain("2026-12-06", daily);
        Assert.DoesNotContain("2026-12-24", daily);
        Assert.DoesNotContain("2026-12-25", daily);
        Assert.DoesNotContain("2026-12-26", daily);
        Assert.Contains("2026-12-05", daily);
        Assert.Contains("2026-12-07", daily);
        Assert.Contains("2026-12-23", daily);
        Assert.Contains("2026-12-27", daily);
        Assert.Equal(31 - 4, daily.Count);

        var weekdays = (await WindowsAsync(kela, colleague, "2026-12-21", "2026-12-31")).Select(w => Start(w)[..10]).ToList();
        Assert.Equal(["2026-12-21", "2026-12-22", "2026-12-23", "2026-12-28", "2026-12-29", "2026-12-30", "2026-12-31"], weekdays);
    }

    [Fact]
    public async Task WithoutARangeWindowsRunFromTodayForFourteenDays()
    {
        await using var app = new AjanvarausApp(clock: November23());
        var fixture = await AvailabilityFixture.SeedAsync(app);
        var kela = app.AgencyAdmin("kela");
        await kela.PostAsJsonAsync(Rules(fixture.KelaExpert), Rule(point: null, channels: ["video"], validFrom: "2026-11-01"));

        var windows = (await (await kela.GetAsync($"/api/v1/experts/{fixture.KelaExpert}/windows")).ReadJsonAsync(HttpStatusCode.OK)).EnumerateArray().ToList();

        // 23 Nov .. 7 Dec is fifteen days, less Independence Day.
        Assert.Equal(14, windows.Count);
        Assert.Equal("2026-11-23T09:00:00+02:00", Start(windows[0]));
        Assert.Equal("2026-12-07T09:00:00+02:00", Start(windows[^1]));
        Assert.False(windows[0].TryGetProperty("servicePointId", out _));
    }

    [Theory]
    [InlineData("from=2026-12-10&to=2026-12-09")]
    [InlineData("from=2026-11-23&to=2027-02-24")]
    public async Task BadRangeAnswers400NamingTo(string query)
    {
        await using var app = new AjanvarausApp(clock: November23());
        var fixture = await AvailabilityFixture.SeedAsync(app);
        var response = await app.AgencyAdmin("kela").GetAsync($"/api/v1/experts/{fixture.KelaExpert}/windows?{query}");
        await response.AssertValidationErrorAsync("to");
    }

    [Fact]
    public async Task NinetyTwoDaysIsTheLongestRange()
    {
        await using var app = new AjanvarausApp(clock: November23());
        var fixture = await AvailabilityFixture.SeedAsync(app);
        var response = await app.AgencyAdmin("kela").GetAsync($"/api/v1/experts/{fixture.KelaExpert}/windows?from=2026-11-22&to=2027-02-22");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task AnAbsenceSplitsAWindowAtOnceAndDeletingItRestoresIt()
    {
        await using var app = new AjanvarausApp(clock: November23());
        var fixture = await AvailabilityFixture.SeedAsync(app);
        var kela = app.AgencyAdmin("kela");
        await kela.PostAsJsonAsync(Rules(fixture.KelaExpert), Rule());
        var absences = $"/api/v1/experts/{fixture.KelaExpert}/absences";

        var created = await kela.PostAsJsonAsync(absences, new { startsAt = "2026-11-25T08:00:00Z", endsAt = "2026-11-25T08:30:00Z",
            reason = "Lääkäri" });
        var absence = await created.ReadJsonAsync(HttpStatusCode.Created);
        var id = absence.GetProperty("id").GetGuid();
        Assert.Equal($"{absences}/{id}", created.Headers.Location?.ToString());
        Assert.Equal("2026-11-25T10:00:00+02:00", absence.GetProperty("startsAt").GetString());
        Assert.Equal("Lääkäri", absence.GetProperty("reason").GetString());

        var split = await WindowsAsync(kela, fixture.KelaExpert, "2026-11-25", "2026-11-25");
        Assert.Equal(["2026-11-25T09:00:00+02:00", "2026-11-25T10:30:00+02:00"], split.Select(Start));
        Assert.Equal(["2026-11-25T10:00:00+02:00", "2026-11-25T12:00:00+02:00"], split.Select(w => w.GetProperty("end").GetString()));
        var listed = await (await kela.GetAsync(absences)).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(id, Assert.Single(listed.GetProperty("items").EnumerateArray()).GetProperty("id").GetGuid());

        Assert.Equal(HttpStatusCode.NoContent, (await kela.DeleteAsync($"{absences}/{id}")).StatusCode);
        Assert.Equal(["2026-11-25T09:00:00+02:00"], (await WindowsAsync(kela, fixture.KelaExpert, "2026-11-25",
            "2026-11-25")).Select(Start));
        Assert.Empty((await (await kela.GetAsync(absences)).ReadJsonAsync(HttpStatusCode.OK)).GetProperty("items").EnumerateArray());
    }

    [Theory]
    [InlineData("endsAt", "2026-11-25T10:00:00+02:00", "2026-11-25T09:00:00+02:00")]
    [InlineData("endsAt", "2026-11-25T10:00:00+02:00", "2026-11-25T10:00:00+02:00")]
    [InlineData("startsAt", null, "2026-11-25T10:00:00+02:00")]
    [InlineData("endsAt", "2026-11-25T10:00:00+02:00", null)]
    [InlineData("startsAt", "tomorrow", "2026-11-25T10:00:00+02:00")]
    public async Task InvalidAbsenceAnswers400NamingTheField(string field, string? startsAt, string? endsAt)
    {
        await using var app = new AjanvarausApp(clock: November23());
        var fixture = await AvailabilityFixture.SeedAsync(app);
        var response = await app.AgencyAdmin("kela").PostAsJsonAsync($"/api/v1/experts/{fixture.KelaExpert}/absences", new { startsAt,
            endsAt });
        await response.AssertValidationErrorAsync(field);
    }
}
