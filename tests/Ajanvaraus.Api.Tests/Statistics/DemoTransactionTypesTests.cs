using System.Net;
using Ajanvaraus.Api.Demo;
using Ajanvaraus.Api.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Ajanvaraus.Api.Tests.Statistics;

public sealed class DemoTransactionTypesTests
{
    [Fact]
    public async Task TheDemoBringsCommonAndAgencyTransactionTypes()
    {
        await using var app = new AjanvarausApp();
        _ = app.CreateClient();
        await app.Services.GetRequiredService<DemoSeeder>().SeedAsync(TextWriter.Null, TestContext.Current.CancellationToken);

        var kela = await (await app.AgencyAdmin("kela").GetAsync("/api/v1/transaction-types?provider=kela")).ReadJsonAsync(HttpStatusCode.OK);

        Assert.Equal(["appointment", "asiakirjan-vastaanotto", "kela-etuushakemus", "neuvonta", "sahkoinen-asiointi"],
            kela.GetProperty("items").EnumerateArray().Select(t => t.GetProperty("id").GetString()));
    }
}
