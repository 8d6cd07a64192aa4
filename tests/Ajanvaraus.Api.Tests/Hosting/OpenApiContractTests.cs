using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Ajanvaraus.Api.Tests.Infrastructure;

namespace Ajanvaraus.Api.Tests.Hosting;

public sealed class OpenApiContractTests
{
    private static readonly string CommittedPath = Path.Combine(RepositoryRoot.Path, "openapi", "ajanvaraus.v1.json");

    [Fact]
    public async Task ServedDocumentMatchesTheCommittedContract()
    {
        var served = await ServedAsync();
        if (Environment.GetEnvironmentVariable("UPDATE_OPENAPI") == "1")
        {
            await File.WriteAllTextAsync(CommittedPath, served, TestContext.Current.CancellationToken);
        }

        Assert.True(File.Exists(CommittedPath),
            "openapi/ajanvaraus.v1.json is missing: run UPDATE_OPENAPI=1 dotnet test --filter OpenApiContractTests");
        var committed = await File.ReadAllTextAsync(CommittedPath, TestContext.Current.CancellationToken);
        Assert.True(
            JsonNode.DeepEquals(JsonNode.Parse(committed), JsonNode.Parse(served)),
            "The served OpenAPI document differs from openapi/ajanvaraus.v1.json. If the change is deliberate, refresh it: UPDATE_OPENAPI=1 dotnet test --filter OpenApiContractTests");
    }

    [Fact]
    public async Task EveryOperationIsDescribed()
    {
        var document = JsonNode.Parse(await ServedAsync())!;
        var gaps = new List<string>();
        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            foreach (var (method, operation) in item!.AsObject())
            {
                var name = $"{method.ToUpperInvariant()} {path}";
                if (operation!["operationId"] is null) gaps.Add($"{name}: no operationId");
                if (operation["summary"] is null) gaps.Add($"{name}: no summary");
                if (operation["security"] is null) gaps.Add($"{name}: no security");
                var responses = operation["responses"]!.AsObject();
                if (!responses.Any(r => r.Key.StartsWith('2'))) gaps.Add($"{name}: no success response");
                foreach (var (status, response) in responses.Where(r => r.Key[0] is '4' or '5'))
                {
                    if (response!["content"]?["application/problem+json"] is null) gaps.Add($"{name}: {status} is not problem+json");
                }
            }
        }

        Assert.True(gaps.Count == 0, string.Join("\n", gaps));
    }

    [Fact]
    public void EveryExampleValidatesAgainstItsSchema()
    {
        var contract = ContractDocument.Committed;
        var gaps = new List<string>();
        var examples = 0;
        foreach (var (pointer, media) in MediaTypes(contract.Root))
        {
            if (media["example"] is { } example)
            {
                examples++;
                gaps.AddRange(contract.Validate(pointer + "/schema", example).Select(e => $"{pointer}/example {e}"));
            }

            foreach (var (name, named) in media["examples"]?.AsObject() ?? [])
            {
                examples++;
                var value = contract.Resolve(named)?["value"];
                gaps.AddRange(contract.Validate(pointer + "/schema", value).Select(e => $"{pointer}/examples/{name} {e}"));
            }
        }

        Assert.True(examples > 0, "The contract has no examples: did the example transformer stop running?");
        Assert.True(gaps.Count == 0, string.Join("\n", gaps));
    }

    [Fact]
    public void CancellingTakesAnEmptyObjectOrNoBodyAtAll()
    {
        var contract = ContractDocument.Committed;
        var (cancel, _) = contract.Find("POST", $"/api/v1/bookings/{Guid.NewGuid()}/cancel");
        Assert.NotNull(cancel);
        Assert.NotEqual(true, cancel.Node["requestBody"]?["required"]?.GetValue<bool>());
        var schema = cancel.JsonPointer + ContractDocument.Pointer("requestBody", "content", "application/json", "schema");
        Assert.Empty(contract.Validate(schema, new JsonObject()));
        Assert.Empty(contract.Validate(schema, null));
    }

    [Fact]
    public void BothWaysOfBookingValidateAndHalfOfEitherDoesNot()
    {
        var contract = ContractDocument.Committed;
        var schema = contract.Find("POST", "/api/v1/bookings").Operation!.JsonPointer
            + ContractDocument.Pointer("requestBody", "content", "application/json", "schema");
        var customer = new JsonObject { ["name"] = "Maija", ["email"] = "maija@example.fi", ["language"] = "fi" };
        JsonObject Body(params (string Name, JsonNode Value)[] fields) =>
            new([.. fields.Select(f => KeyValuePair.Create(f.Name, (JsonNode?)f.Value)), KeyValuePair.Create("customer",
                (JsonNode?)customer.DeepClone())]);

        Assert.Empty(contract.Validate(schema, Body(("holdId", Guid.NewGuid().ToString()), ("holdToken", "t"))));
        Assert.Empty(contract.Validate(schema, Body(("serviceId", Guid.NewGuid().ToString()), ("expertId", Guid.NewGuid().ToString()),
            ("start", "2026-11-24T09:00:00+02:00"), ("channel", "video"))));
        Assert.NotEmpty(contract.Validate(schema, Body(("holdId", Guid.NewGuid().ToString()))));
        Assert.NotEmpty(contract.Validate(schema, Body(("serviceId", Guid.NewGuid().ToString()), ("channel", "video"))));
    }

    [Fact]
    public void QueryParametersThatTakeOneOfAFewWordsAreEnums()
    {
        var contract = ContractDocument.Committed;
        var gaps = contract.Operations
            .SelectMany(o => (o.Node["parameters"]?.AsArray() ?? []).Select(p => (o.Name, Parameter: p!)))
            .Where(p => p.Parameter["schema"]?["pattern"]?.GetValue<string>() is { } pattern && pattern.StartsWith("^(") && pattern.EndsWith(")$"))
            .Select(p => $"{p.Name}: {p.Parameter["name"]} is a pattern, not an enum")
            .ToList();
        Assert.True(gaps.Count == 0, string.Join("\n", gaps));
        var channel = contract.Find("GET",
            "/api/v1/availability").Operation!.Node["parameters"]!.AsArray().Single(p => (string?)p!["name"] == "channel");
        Assert.Equal("#/components/schemas/Channel", (string?)channel!["schema"]!["$ref"]);
    }

    // Every request and response media type of every operation, with its JSON pointer.
    private static IEnumerable<(string Pointer, JsonNode Media)> MediaTypes(JsonNode document)
    {
        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            foreach (var (method, operation) in item!.AsObject())
            {
                var at = ContractDocument.Pointer("paths", path, method);
                foreach (var (type, media) in operation!["requestBody"]?["content"]?.AsObject() ?? [])
                {
                    yield return (at + ContractDocument.Pointer("requestBody", "content", type), media!);
                }

                foreach (var (status, response) in operation["responses"]?.AsObject() ?? [])
                {
                    foreach (var (type, media) in response!["content"]?.AsObject() ?? [])
                    {
                        yield return (at + ContractDocument.Pointer("responses", status, "content", type), media!);
                    }
                }
            }
        }
    }

    private static async Task<string> ServedAsync()
    {
        await using var app = new AjanvarausApp();
        var json = await app.CreateClient().GetStringAsync("/openapi/v1.json", TestContext.Current.CancellationToken);
        return JsonNode.Parse(json)!.ToJsonString(new JsonSerializerOptions { WriteIndented = true,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n";
    }
}
