using System.Text.Json.Nodes;

namespace Ajanvaraus.Api.Tests.Infrastructure;

// The contract check itself: it must catch each kind of drift, or the rest of the suite proves nothing.
public sealed class ContractCheckTests
{
    private static readonly ContractDocument Contract = new(JsonNode.Parse("""
        {
          "openapi": "3.1.1",
          "paths": {
            "/things/{id}": {
              "post": {
                "operationId": "MakeThing",
                "parameters": [{ "name": "kind", "in": "query", "schema": { "$ref": "#/components/schemas/Kind" } }],
                "requestBody": { "required": true, "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Thing" } } } },
                "responses": {
                  "201": { "description": "made", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Thing" } } } },
                  "204": { "description": "nothing" },
                  "400": { "description": "bad", "content": { "application/problem+json": { "schema": { "type": "object" } } } }
                }
              }
            },
            "/things/latest": { "get": { "operationId": "LatestThing", "responses": { "200": { "description": "ok" } } } }
          },
          "components": {
            "schemas": {
              "Kind": { "enum": ["small", "large"] },
              "Thing": {
                "type": "object", "required": ["name"],
                "properties": { "name": { "type": "string" }, "at": { "type": ["null", "string"], "format": "date-time" } }
              }
            }
          }
        }
        """)!);

    private static Exchange Make(int status = 201, string response = """{"name":"a"}""", string request = """{"name":"a"}""", string? kind = null) =>
        new("POST", "/things/7", kind is null ? [] : [KeyValuePair.Create("kind", kind)], "application/json", request, status,
            status == 204 ? null : status == 400 ? "application/problem+json" : "application/json", status == 204 ? "" : response);

    [Fact]
    public void ADocumentedExchangePasses() =>
        Assert.Empty(ContractCheck.Violations(Contract, Make(kind: "small")));

    [Fact]
    public void AnUndocumentedStatusIsReportedWithTheOperation()
    {
        var violation = Assert.Single(ContractCheck.Violations(Contract, Make(status: 409, response: "")));
        Assert.Contains("MakeThing (POST /things/{id}) -> 409", violation);
        Assert.Contains("not documented", violation);
    }

    [Fact]
    public void AResponseBodyOffItsSchemaIsReportedWithTheSchemaError()
    {
        var violation = Assert.Single(ContractCheck.Violations(Contract, Make(response: """{"at":"2026-11-24T09:00:00+02:00"}""")));
        Assert.Contains("MakeThing (POST /things/{id}) -> 201: response body does not match its schema", violation);
        Assert.Contains("\"name\"", violation);
        var format = Assert.Single(ContractCheck.Violations(Contract, Make(response: """{"name":"a","at":"yesterday"}""")));
        Assert.Contains("at '/at'", format);
    }

    [Fact]
    public void AnAcceptedRequestBodyOffItsSchemaIsReported() =>
        Assert.Contains("accepted request body", Assert.Single(ContractCheck.Violations(Contract, Make(request: """{"nam":"a"}"""))));

    [Fact]
    public void ARefusedRequestIsCheckedOnlyOnItsAnswer()
    {
        Assert.Empty(ContractCheck.Violations(Contract, Make(status: 400, response: "{}", request: "{}", kind: "huge")));
        Assert.Single(ContractCheck.Violations(Contract, Make(status: 400, response: "[]", request: "{}")));
    }

    [Fact]
    public void AQueryValueOutsideItsEnumOrAnUndeclaredParameterIsReported()
    {
        Assert.Contains("'kind=huge'", Assert.Single(ContractCheck.Violations(Contract, Make(kind: "huge"))));
        var exchange = Make() with { Query = [KeyValuePair.Create("colour", "red")] };
        Assert.Contains("'colour' is not declared", Assert.Single(ContractCheck.Violations(Contract, exchange)));
    }

    [Fact]
    public void ABodyTheContractDoesNotDocumentIsReported()
    {
        var exchange = Make(status: 204) with { ResponseMediaType = "application/json", ResponseBody = "{}" };
        Assert.Contains("documents none", Assert.Single(ContractCheck.Violations(Contract, exchange)));
        Assert.Contains("text/plain", Assert.Single(ContractCheck.Violations(Contract, Make() with { ResponseMediaType = "text/plain" })));
    }

    [Fact]
    public void ASuccessOnAnUnknownOperationIsReportedButUnknownRoutesAndProbesAreNot()
    {
        Assert.Single(ContractCheck.Violations(Contract, new Exchange("DELETE", "/things/7", [], null, null, 204, null, "")));
        Assert.Empty(ContractCheck.Violations(Contract, new Exchange("GET", "/nowhere", [], null, null, 404, "application/problem+json",
            "{}")));
        Assert.Empty(ContractCheck.Violations(Contract, new Exchange("GET", "/health/live", [], null, null, 200, "text/plain", "Healthy")));
    }

    [Fact]
    public void ALiteralPathWinsOverATemplate() =>
        Assert.Equal("LatestThing", Contract.Find("GET", "/things/latest").Operation?.Name);

    [Fact]
    public async Task AnExchangeThatBreaksTheContractFailsTheTestThatMadeIt()
    {
        var document = JsonNode.Parse(await File.ReadAllTextAsync(ContractDocument.CommittedPath, TestContext.Current.CancellationToken))!;
        document["paths"]!["/api/v1/providers"]!["get"]!["responses"]!.AsObject().Remove("200");
        await using var app = new AjanvarausApp { Contract = new ContractDocument(document) };

        var failure = await Assert.ThrowsAsync<ContractViolationException>(() => app.CreateClient().GetAsync("/api/v1/providers"));

        Assert.Contains("ListProviders (GET /api/v1/providers) -> 200: status 200 is not documented", failure.Message);
    }
}
