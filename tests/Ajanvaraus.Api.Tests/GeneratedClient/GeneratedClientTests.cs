using Ajanvaraus.Api.Tests.Infrastructure;

namespace Ajanvaraus.Api.Tests.GeneratedClient;

public sealed class GeneratedClientTests
{
    [Fact]
    public async Task CommittedClientIsGeneratedFromTheCommittedContract()
    {
        var document = await File.ReadAllTextAsync(ContractDocument.CommittedPath, TestContext.Current.CancellationToken);
        var generated = await ClientGeneration.GenerateAsync(document);
        if (Environment.GetEnvironmentVariable("UPDATE_OPENAPI") == "1")
        {
            await File.WriteAllTextAsync(ClientGeneration.CommittedPath, generated, TestContext.Current.CancellationToken);
        }

        var committed = File.Exists(ClientGeneration.CommittedPath) ? await File.ReadAllTextAsync(ClientGeneration.CommittedPath,
            TestContext.Current.CancellationToken) : "";
        Assert.True(committed.ReplaceLineEndings("\n") == generated,
            "GeneratedClient/AjanvarausClient.g.cs is out of date with openapi/ajanvaraus.v1.json: run UPDATE_OPENAPI=1 dotnet test --filter GeneratedClientTests");
    }
}
