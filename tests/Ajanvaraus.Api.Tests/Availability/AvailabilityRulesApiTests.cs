using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ajanvaraus.Api.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace Ajanvaraus.Api.Tests.Availability;

public sealed class AvailabilityRulesApiTests
{
    // Monday 23 November 2026, 10:00 in Finland.
    internal static FakeTimeProvider November23() => new(DateTimeOffset.Parse("2026-11-23T08:00:00Z"));

    internal static object Rule(
        string? point = "mikkeli", string[]? channels = null, string start = "09:00", string end = "12:00",
        string? recurrence = "FREQ=DAILY", string? validFrom = "2026-11-01", string? validUntil = null) =>
        new { servicePointId = point, channels = channels ?? ["in_person"], startTime = start, endTime = end, recurrence, validFrom,
            validUntil };

    internal static string Rules(Guid expert) => $"/api/v1/experts/{expert}/availability-rules";

    internal static async Task<List<JsonElement>> WindowsAsync(HttpClient client, Guid expert, string from, string to)
    {
        var body = await (await client.GetAsync($"/api/v1/experts/{expert}/windows?from={from}&to={to}")).ReadJsonAsync(HttpStatusCode.OK);
        return body.EnumerateArray().ToList();
    }

    internal static string Start(JsonElement window) => window.GetProperty("start").GetString()!;

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task AgencyAdminCreatesReadsListsReplacesAndDeletesARule(Engine engine)
    {
        await using var app = new AjanvarausApp(engine, clock: November23());
        var fixture = await AvailabilityFixture.SeedAsync(app);
        var kela = app.AgencyAdmin("kela");

        var created = await kela.PostAsJsonAsync(Rules(fixture.KelaExpert), Rule(channels: ["video", "in_person"],
            recurrence: "rrule:freq=weekly;byday=mo,we", validUntil: "2027-05-31"));
        var rule = await created.ReadJsonAsync(HttpStatusCode.Created);
        var id = rule.GetProperty("id").GetGuid();
        Assert.Equal($"{Rules(fixture.KelaExpert)}/{id}", created.Headers.Location?.ToString());
        Assert.Equal(fixture.KelaExpert, rule.GetProperty("expertId").GetGuid());
        Assert.Equal("mikkeli", rule.GetProperty("servicePointId").GetString());
        Assert.Equal(["in_person", "video"], rule.GetProperty("channels").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal("09:00", rule.GetProperty("startTime").GetString());
        Assert.Equal("12:00", rule.GetProperty("endTime").GetString());
        Assert.Equal("FREQ=WEEKLY;BYDAY=MO,WE", rule.GetProperty("recurrence").GetString());
        Assert.Equal("2026-11-01", rule.GetProperty("validFrom").GetString());
        Assert.Equal("2027-05-31", rule.GetProperty("validUntil").GetString());

        var fetched = await (await kela.GetAsync($"{Rules(fixture.KelaExpert)}/{id}")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(rule.ToString(), fetched.ToString());
        var list = await (await kela.GetAsync(Rules(fixture.KelaExpert))).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(id, Assert.Single(list.GetProperty("items").EnumerateArray()).GetProperty("id").GetGuid());

        var replaced = await kela.PutAsJsonAsync($"{Rules(fixture.KelaExpert)}/{id}", Rule(point: null, channels: ["phone"],
            start: "13:00", end: "15:30", recurrence: null, validFrom: "2026-11-25"));
        var updated = await replaced.ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(id, updated.GetProperty("id").GetGuid());
        Assert.False(updated.TryGetProperty("servicePointId", out _));
        Assert.False(updated.TryGetProperty("recurrence", out _));
        Assert.Equal("13:00", updated.GetProperty("startTime").GetString());
        var window = Assert.Single(await WindowsAsync(kela, fixture.KelaExpert, "2026-11-23", "2026-12-31"));
        Assert.Equal("2026-11-25T13:00:00+02:00", Start(window));
        Assert.Equal("2026-11-25T15:30:00+02:00", window.GetProperty("end").GetString());
        Assert.Equal(["phone"], window.GetProperty("channels").EnumerateArray().Select(c => c.GetString()));

        Assert.Equal(HttpStatusCode.NoContent, (await kela.DeleteAsync($"{Rules(fixture.KelaExpert)}/{id}")).StatusCode);
        await (await kela.GetAsync($"{Rules(fixture.KelaExpert)}/{id}")).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Empty(await WindowsAsync(kela, fixture.KelaExpert, "2026-11-23", "2026-12-31"));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task RuleChangeMovesWindowsAtOnceAndLeavesTheBookingAsAConflict(Engine engine)
    {
        await using var app = new AjanvarausApp(engine, clock: November23());
        var fixture = await AvailabilityFixture.SeedAsync(app);
        var kela = app.AgencyAdmin("kela");
        var rule = await (await kela.PostAsJsonAsync(Rules(fixture.KelaExpert), Rule())).ReadJsonAsync(HttpStatusCode.Created);
        Assert.Equal("2026-11-25T09:00:00+02:00", Start(Assert.Single(await WindowsAsync(kela, fixture.KelaExpert, "2026-11-25",
            "2026-11-25"))));

        var booking = await fixture.AddBookingAsync(app, DateTimeOffset.Parse("2026-11-25T10:00:00+02:00"), 30);
        var before = await AvailabilityFixture.BookingSnapshotAsync(app, booking);
        var none = await (await kela.GetAsync("/api/v1/providers/kela/conflicts")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Empty(none.GetProperty("items").EnumerateArray());

        var moved = await kela.PutAsJsonAsync($"{Rules(fixture.KelaExpert)}/{rule.GetProperty("id").GetGuid()}", Rule(start: "13:00",
            end: "16:00"));
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);

        Assert.Equal("2026-11-25T13:00:00+02:00", Start(Assert.Single(await WindowsAsync(kela, fixture.KelaExpert, "2026-11-25",
            "2026-11-25"))));
        Assert.Equal(before, await AvailabilityFixture.BookingSnapshotAsync(app, booking));
        var conflicts = await (await kela.GetAsync("/api/v1/providers/kela/conflicts")).ReadJsonAsync(HttpStatusCode.OK);
        var conflict = Assert.Single(conflicts.GetProperty("items").EnumerateArray());
        Assert.Equal(booking, conflict.GetProperty("bookingId").GetGuid());
        Assert.Equal(fixture.KelaExpert, conflict.GetProperty("expertId").GetGuid());
        Assert.Equal(fixture.KelaService, conflict.GetProperty("serviceId").GetGuid());
        Assert.StartsWith("K", conflict.GetProperty("reference").GetString());
        Assert.Equal("2026-11-25T10:00:00+02:00", conflict.GetProperty("start").GetString());
        Assert.Equal("2026-11-25T10:30:00+02:00", conflict.GetProperty("end").GetString());
        Assert.Equal("in_person", conflict.GetProperty("channel").GetString());
        Assert.Equal("mikkeli", conflict.GetProperty("servicePointId").GetString());
    }

    [Fact]
    public async Task ConflictsFollowChannelPointAndTimeAndPage()
    {
        await using var app = new AjanvarausApp(clock: November23());
        var fixture = await AvailabilityFixture.SeedAsync(app);
        var kela = app.AgencyAdmin("kela");
        await kela.PostAsJsonAsync(Rules(fixture.KelaExpert), Rule(channels: ["in_person", "video"]));

        var covered = await fixture.AddBookingAsync(app, DateTimeOffset.Parse("2026-11-25T09:00:00+02:00"), 180);
        var overrunning = await fixture.AddBookingAsync(app, DateTimeOffset.Parse("2026-11-25T11:45:00+02:00"), 30);
        var phone = await fixture.AddBookingAsync(app, DateTimeOffset.Parse("2026-11-26T10:00:00+02:00"), 30, channel: "phone",
            pointId: null);
        var video = await fixture.AddBookingAsync(app, DateTimeOffset.Parse("2026-11-26T10:00:00+02:00"), 30, channel: "video",
            pointId: null);
        var past = await fixture.AddBookingAsync(app, DateTimeOffset.Parse("2026-11-20T10:00:00+02:00"), 30, channel: "phone",
            pointId: null);

        var seen = new List<Guid>();
        string? cursor = null;
        do
        {
            var page = await (await kela.GetAsync($"/api/v1/providers/kela/conflicts?limit=1{(cursor is null ? "" : "&cursor=" + cursor)}")).ReadJsonAsync(HttpStatusCode.OK);
            seen.AddRange(page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("bookingId").GetGuid()));
            cursor = page.TryGetProperty("nextCursor", out var next) ? next.GetString() : null;
        }
        while (cursor is not null && seen.Count < 10);

        Assert.Equal([overrunning, phone], seen);
        Assert.DoesNotContain(covered, seen);
        Assert.DoesNotContain(video, seen);
        Assert.DoesNotContain(past, seen);
    }

    public static TheoryData<string, string> InvalidRules => new()
    {
        { "unparsable recurrence", "recurrence" },
        { "hourly recurrence", "recurrence" },
        { "recurrence that never gives a day", "recurrence" },
        { "recurrence that ends before validFrom", "recurrence" },
        { "end before start", "endTime" },
        { "end equals start", "endTime" },
        { "start off the 5-minute grid", "startTime" },
        { "end not HH:mm", "endTime" },
        { "in person without a point", "channels" },
        { "no channels", "channels" },
        { "unknown channel", "channels[0]" },
        { "point of another provider", "servicePointId" },
        { "unknown point", "servicePointId" },
        { "no validFrom", "validFrom" },
        { "validUntil before validFrom", "validUntil" },
    };

    private static object InvalidRule(string name) => name switch
    {
        "unparsable recurrence" => Rule(recurrence: "EVERY=MONDAY"),
        "hourly recurrence" => Rule(recurrence: "FREQ=HOURLY"),
        "recurrence that never gives a day" => Rule(recurrence: "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30"),
        "recurrence that ends before validFrom" => Rule(recurrence: "FREQ=DAILY;UNTIL=20261001", validFrom: "2026-11-01"),
        "end before start" => Rule(start: "12:00", end: "09:00"),
        "end equals start" => Rule(start: "09:00", end: "09:00"),
        "start off the 5-minute grid" => Rule(start: "09:07"),
        "end not HH:mm" => Rule(end: "5pm"),
        "in person without a point" => Rule(point: null, channels: ["in_person", "video"]),
        "no channels" => Rule(channels: []),
        "unknown channel" => Rule(channels: ["carrier_pigeon"]),
        "point of another provider" => Rule(point: "parainen"),
        "unknown point" => Rule(point: "atlantis"),
        "no validFrom" => Rule(validFrom: null),
        "validUntil before validFrom" => Rule(validFrom: "2026-12-01", validUntil: "2026-11-30"),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    [Theory]
    [MemberData(nameof(InvalidRules))]
    public async Task InvalidRuleAnswers400NamingTheField(string rule, string field)
    {
        await using var app = new AjanvarausApp(clock: November23());
        var fixture = await AvailabilityFixture.SeedAsync(app);
        var kela = app.AgencyAdmin("kela");

        await (await kela.PostAsJsonAsync(Rules(fixture.KelaExpert), InvalidRule(rule))).AssertValidationErrorAsync(field);

        var existing = await (await kela.PostAsJsonAsync(Rules(fixture.KelaExpert), Rule())).ReadJsonAsync(HttpStatusCode.Created);
        var put = await kela.PutAsJsonAsync($"{Rules(fixture.KelaExpert)}/{existing.GetProperty("id").GetGuid()}", InvalidRule(rule));
        await put.AssertValidationErrorAsync(field);
    }

    [Fact]
    public async Task RemoteRuleMayServeRemoteChannelsWithoutAPoint()
    {
        await using var app = new AjanvarausApp(clock: November23());
        var fixture = await AvailabilityFixture.SeedAsync(app);
        var response = await app.AgencyAdmin("kela").PostAsJsonAsync(Rules(fixture.KelaExpert), Rule(point: null, channels: ["video",
            "phone", "remote_at_point"]));
        var rule = await response.ReadJsonAsync(HttpStatusCode.Created);
        Assert.Equal(["remote_at_point", "video", "phone"], rule.GetProperty("channels").EnumerateArray().Select(c => c.GetString()));
    }

    [Fact]
    public async Task UnknownExpertOrRuleAnswers404()
    {
        await using var app = new AjanvarausApp(clock: November23());
        var fixture = await AvailabilityFixture.SeedAsync(app);
        var kela = app.AgencyAdmin("kela");
        var nobody = Guid.CreateVersion7();
        var noRule = Guid.CreateVersion7();

        await (await kela.GetAsync(Rules(nobody))).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await kela.PostAsJsonAsync(Rules(nobody), Rule())).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await kela.GetAsync($"/api/v1/experts/{nobody}/windows")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await kela.GetAsync($"/api/v1/experts/{nobody}/absences")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await kela.GetAsync($"{Rules(fixture.KelaExpert)}/{noRule}")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await kela.PutAsJsonAsync($"{Rules(fixture.KelaExpert)}/{noRule}", Rule())).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await kela.DeleteAsync($"{Rules(fixture.KelaExpert)}/{noRule}")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await kela.DeleteAsync($"/api/v1/experts/{fixture.KelaExpert}/absences/{noRule}")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ARuleOfAnotherExpertIsNotFoundThroughThisExpert()
    {
        await using var app = new AjanvarausApp(clock: November23());
        var fixture = await AvailabilityFixture.SeedAsync(app);
        var kela = app.AgencyAdmin("kela");
        var colleague = await AvailabilityFixture.AddExpertAsync(app, "kela");
        var rule = await (await kela.PostAsJsonAsync(Rules(colleague), Rule())).ReadJsonAsync(HttpStatusCode.Created);
        var path = $"{Rules(fixture.KelaExpert)}/{rule.GetProperty("id").GetGuid()}";

        await (await kela.GetAsync(path)).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await kela.PutAsJsonAsync(path, Rule())).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await kela.DeleteAsync(path)).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Single(await WindowsAsync(kela, colleague, "2026-11-25", "2026-11-25"));
    }
}
