using System.Net;
using Ajanvaraus.Api.Demo;
using Ajanvaraus.Api.Tests.Infrastructure;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Ajanvaraus.Api.Tests.Demo;

public sealed class DemoSeedTests
{
    [Fact]
    public async Task SeedDemoGivesKelaAtMikkeliWindowsButNoneOnHolidays()
    {
        await using var app = new AjanvarausApp(clock: new FakeTimeProvider(DateTimeOffset.Parse("2026-11-23T06:00:00Z")));
        _ = app.CreateClient();
        await app.Services.GetRequiredService<DemoSeeder>().SeedAsync(TextWriter.Null, TestContext.Current.CancellationToken);
        var kela = app.AgencyAdmin("kela");
        var expert = DemoSeeder.DemoId("expert:Kela-asiantuntija Jussi (Mikkeli)");

        var next14 = await (await kela.GetAsync($"/api/v1/experts/{expert}/windows?from=2026-11-23&to=2026-12-06")).ReadJsonAsync(HttpStatusCode.OK);
        var december = await (await kela.GetAsync($"/api/v1/experts/{expert}/windows?from=2026-12-01&to=2026-12-31")).ReadJsonAsync(HttpStatusCode.OK);

        var mikkeliDays = next14.EnumerateArray().Where(w => w.TryGetProperty("servicePointId",
            out var p) && p.GetString() == "mikkeli").ToList();
        Assert.NotEmpty(mikkeliDays);
        var decemberDays = december.EnumerateArray().Select(w => w.GetProperty("start").GetString()![..10]).ToHashSet();
        Assert.NotEmpty(decemberDays);
        Assert.DoesNotContain("2026-12-06", decemberDays);
        Assert.DoesNotContain("2026-12-24", decemberDays);
        Assert.DoesNotContain("2026-12-25", decemberDays);
        Assert.DoesNotContain("2026-12-26", decemberDays);
        Assert.Contains("2026-12-23", decemberDays);
    }

    [Fact]
    public async Task SeedDemoTwiceAddsNothingTheSecondTime()
    {
        await using var app = new AjanvarausApp();
        _ = app.CreateClient();
        var seeder = app.Services.GetRequiredService<DemoSeeder>();

        var first = await seeder.SeedAsync(TextWriter.Null, TestContext.Current.CancellationToken);
        var second = await seeder.SeedAsync(TextWriter.Null, TestContext.Current.CancellationToken);

        Assert.True(first > 50);
        Assert.Equal(0, second);
        await using var c = await app.Db.OpenAsync(TestContext.Current.CancellationToken);
        Assert.Equal(5, await c.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM ServicePoints"));
        Assert.Equal(["kiiminki", "mikkeli", "parainen", "pelkosenniemi", "saarijarvi"],
            (await c.QueryAsync<string>("SELECT Id FROM ServicePoints ORDER BY Id")).ToList());
    }
}
