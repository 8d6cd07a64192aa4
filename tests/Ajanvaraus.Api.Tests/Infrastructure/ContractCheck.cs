using System.Text.Json;
using System.Text.Json.Nodes;

namespace Ajanvaraus.Api.Tests.Infrastructure;

// One HTTP exchange as the contract check sees it.
public sealed record Exchange(
    string Method,
    string Path,
    IReadOnlyList<KeyValuePair<string, string>> Query,
    string? RequestMediaType,
    string? RequestBody,
    int Status,
    string? ResponseMediaType,
    string ResponseBody);

// Does one exchange conform to the contract? Returns what does not, naming operation and status; empty when it does.
public static class ContractCheck
{
    // Served outside the API contract on purpose (probes, the document itself, its UI).
    // Outside the contract: health probes, the document itself, the two operator UIs (Swagger, the Hangfire dashboard)
    // and the citizens' booking page (/book, static files that call the API like any portal).
    private static readonly string[] Undocumented = ["/health/", "/openapi/", "/swagger", "/hangfire", "/book"];

    public static IReadOnlyList<string> Violations(ContractDocument contract, Exchange exchange)
    {
        var (operation, pathKnown) = contract.Find(exchange.Method, exchange.Path);
        var success = exchange.Status is >= 200 and < 300;
        if (operation is null)
        {
            // Unknown routes (404) and wrong methods (405) belong to no operation; a success must have one.
            var exempt = Undocumented.Any(p => exchange.Path.StartsWith(p, StringComparison.Ordinal));
            return success && !exempt
                ? [$"{exchange.Method} {exchange.Path} answered {exchange.Status} but the contract has no such operation{(pathKnown ? " (the path has other methods)" : "")}"]
                : [];
        }

        var name = $"{operation.Name} ({exchange.Method} {operation.Template}) -> {exchange.Status}";
        var errors = new List<string>();
        CheckResponse(contract, operation, exchange, errors);
        if (success)
        {
            CheckRequestBody(contract, operation, exchange, errors);
            CheckQuery(contract, operation, exchange, errors);
        }

        return errors.Select(e => $"{name}: {e}").ToList();
    }

    private static void CheckResponse(ContractDocument contract, ContractOperation operation, Exchange exchange, List<string> errors)
    {
        var responses = operation.Node["responses"]?.AsObject();
        var status = exchange.Status.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var key = new[] { status, $"{status[0]}XX", "default" }.FirstOrDefault(k => responses?.ContainsKey(k) == true);
        if (key is null)
        {
            errors.Add($"status {status} is not documented (documented: {string.Join(", ", responses?.Select(r => r.Key) ?? [])})");
            return;
        }

        var pointer = operation.JsonPointer + ContractDocument.Pointer("responses", key);
        var content = contract.Resolve(responses![key])?["content"]?.AsObject();
        if (exchange.ResponseBody.Length == 0)
        {
            if (content is { Count: > 0 })
            {
                errors.Add($"the contract documents a body ({string.Join(", ", content.Select(c => c.Key))}) but none was sent");
            }

            return;
        }

        if (content is null || content.Count == 0)
        {
            errors.Add($"a {exchange.ResponseMediaType} body was sent but the contract documents none");
            return;
        }

        CheckBody(contract, content, pointer + "/content", exchange.ResponseMediaType, exchange.ResponseBody, "response", errors);
    }

    private static void CheckRequestBody(ContractDocument contract, ContractOperation operation, Exchange exchange, List<string> errors)
    {
        var requestBody = contract.Resolve(operation.Node["requestBody"]);
        if (string.IsNullOrEmpty(exchange.RequestBody))
        {
            if (requestBody?["required"]?.GetValue<bool>() == true)
            {
                errors.Add("the request had no body, which the contract requires, yet it was accepted");
            }

            return;
        }

        if (requestBody?["content"]?.AsObject() is not { Count: > 0 } content)
        {
            errors.Add("the request carried a body but the contract documents none, yet it was accepted");
            return;
        }

        CheckBody(contract, content, operation.JsonPointer + "/requestBody/content", exchange.RequestMediaType, exchange.RequestBody, "accepted request", errors);
    }

    private static void CheckBody(ContractDocument contract, JsonObject content, string pointer, string? mediaType, string body, string what, List<string> errors)
    {
        var match = content.Select(c => c.Key).FirstOrDefault(k => string.Equals(k, mediaType, StringComparison.OrdinalIgnoreCase))
            ?? content.Select(c => c.Key).FirstOrDefault(k => k == "*/*");
        if (match is null)
        {
            errors.Add($"{what} content type {mediaType ?? "(none)"} is not documented (documented: {string.Join(", ", content.Select(c => c.Key))})");
            return;
        }

        if (content[match]?["schema"] is null || !IsJson(match))
        {
            return;
        }

        JsonNode? instance;
        try
        {
            instance = JsonNode.Parse(body);
        }
        catch (JsonException ex)
        {
            errors.Add($"{what} body is not JSON: {ex.Message}");
            return;
        }

        foreach (var error in contract.Validate(pointer + ContractDocument.Pointer(match, "schema"), instance))
        {
            errors.Add($"{what} body does not match its schema {error}");
        }
    }

    // Every query parameter of an answered request must be declared, and its value must fit the declared schema.
    private static void CheckQuery(ContractDocument contract, ContractOperation operation, Exchange exchange, List<string> errors)
    {
        var declared = (operation.Node["parameters"]?.AsArray() ?? [])
            .Select((p, i) => (Node: contract.Resolve(p), Index: i))
            .Where(p => p.Node?["in"]?.GetValue<string>() == "query")
            .ToDictionary(p => p.Node!["name"]!.GetValue<string>(), p => p.Index);
        foreach (var (name, value) in exchange.Query)
        {
            if (!declared.TryGetValue(name, out var index))
            {
                errors.Add($"query parameter '{name}' is not declared, yet the request was accepted");
                continue;
            }

            var pointer = operation.JsonPointer + ContractDocument.Pointer("parameters", index.ToString(System.Globalization.CultureInfo.InvariantCulture), "schema");
            foreach (var error in contract.Validate(pointer, QueryValue(contract.Resolve(contract.At(pointer)), value)))
            {
                errors.Add($"query parameter '{name}={value}' does not match its schema {error}");
            }
        }
    }

    // A query value is text; read it as a number or boolean where the schema says so, as the server's binder does.
    private static JsonNode? QueryValue(JsonNode? schema, string value)
    {
        var types = schema?["type"] switch
        {
            JsonArray array => array.Select(t => t!.GetValue<string>()).ToList(),
            JsonValue single => [single.GetValue<string>()],
            _ => [],
        };
        if ((types.Contains("integer") || types.Contains("number")) && decimal.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, out var number))
        {
            return JsonValue.Create(number);
        }

        return types.Contains("boolean") && bool.TryParse(value, out var flag) ? JsonValue.Create(flag) : JsonValue.Create(value);
    }

    private static bool IsJson(string mediaType) =>
        mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase) || mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase);
}
