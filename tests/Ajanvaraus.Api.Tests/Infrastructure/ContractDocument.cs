using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Json.Pointer;
using Json.Schema;

namespace Ajanvaraus.Api.Tests.Infrastructure;

// The committed openapi/ajanvaraus.v1.json as a lookup of operations and JSON Schemas. Everything the contract check
// knows comes from this file, so a refreshed document is all a changed API needs.
public sealed class ContractDocument
{
    private static readonly Uri BaseUri = new("https://contract.ajanvaraus.test/openapi.json");
    private static readonly string[] Methods = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];
    private readonly List<ContractOperation> operations = [];
    private readonly Dictionary<string, JsonSchema> schemas = [];
    private readonly Lock gate = new();

    public ContractDocument(JsonNode document)
    {
        Root = document;
        Options = new EvaluationOptions { OutputFormat = OutputFormat.Hierarchical, RequireFormatValidation = true };
        Options.SchemaRegistry.Register(BaseUri, new JsonNodeBaseDocument(document, BaseUri));
        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            foreach (var (method, operation) in item!.AsObject().Where(m => Methods.Contains(m.Key)))
            {
                operations.Add(new ContractOperation(method.ToUpperInvariant(), path, operation!.AsObject(), Pointer("paths", path,
                    method)));
            }
        }

        // Literal segments win over templates, so /bookings/search is not taken for /bookings/{id}.
        operations.Sort((a, b) => a.Specificity.CompareTo(b.Specificity));
    }

    public static string CommittedPath { get; } = System.IO.Path.Combine(RepositoryRoot.Path, "openapi", "ajanvaraus.v1.json");

    public static ContractDocument Committed { get; } = new(JsonNode.Parse(File.ReadAllText(CommittedPath))!);

    public JsonNode Root { get; }

    public EvaluationOptions Options { get; }

    public IReadOnlyList<ContractOperation> Operations => operations;

    public static string Pointer(params string[] segments) =>
        "/" + string.Join('/', segments.Select(s => s.Replace("~", "~0").Replace("/", "~1")));

    // The operation for a method and path, or the operations of that path with other methods when none has the method.
    public (ContractOperation? Operation, bool PathKnown) Find(string method, string path)
    {
        var onPath = operations.Where(o => o.Matches(path)).ToList();
        return (onPath.FirstOrDefault(o => o.Method == method), onPath.Count > 0);
    }

    public JsonNode? At(string pointer) =>
        JsonPointer.Parse(pointer).TryEvaluate(Root, out var node) ? node : null;

    // Follows a local $ref (components) to the node it names.
    public JsonNode? Resolve(JsonNode? node)
    {
        for (var i = 0; i < 10 && node?["$ref"]?.GetValue<string>() is { } reference && reference.StartsWith('#'); i++)
        {
            node = At(Uri.UnescapeDataString(reference[1..]));
        }

        return node;
    }

    public JsonSchema SchemaAt(string pointer)
    {
        lock (gate)
        {
            if (!schemas.TryGetValue(pointer, out var schema))
            {
                var reference = new JsonObject { ["$ref"] = BaseUri + "#" + Uri.EscapeDataString(pointer).Replace("%2F", "/") };
                schema = JsonSchema.FromText(reference.ToJsonString());
                schemas[pointer] = schema;
            }

            return schema;
        }
    }

    // Each failing leaf of the evaluation as "at /customer/email: <reason>", the first few only.
    public IReadOnlyList<string> Validate(string pointer, JsonNode? instance)
    {
        EvaluationResults results;
        lock (gate)
        {
            results = SchemaAt(pointer).Evaluate(instance, Options);
        }

        if (results.IsValid)
        {
            return [];
        }

        var errors = new List<string>();
        Collect(results, errors);
        return errors.Count == 0 ? ["the value does not match the schema"] : errors.Distinct().Take(8).ToList();
    }

    // Only the failing branches: a valid oneOf keeps the errors of its other alternatives, which say nothing.
    private static void Collect(EvaluationResults node, List<string> errors)
    {
        foreach (var (keyword, message) in node.Errors ?? new Dictionary<string, string>())
        {
            errors.Add($"at '{node.InstanceLocation}' ({keyword} at {node.EvaluationPath}): {message}");
        }

        foreach (var child in node.Details.Where(d => !d.IsValid))
        {
            Collect(child, errors);
        }
    }
}

public sealed class ContractOperation
{
    private readonly Regex pattern;

    public ContractOperation(string method, string template, JsonObject node, string pointer)
    {
        Method = method;
        Template = template;
        Node = node;
        JsonPointer = pointer;
        var regex = Regex.Replace(Regex.Escape(template).Replace(@"\{", "{"), "{[^}/]+}", "[^/]+");
        pattern = new Regex("^" + regex + "/?$", RegexOptions.CultureInvariant);
        Specificity = template.Count(c => c == '{');
    }

    public string Method { get; }

    public string Template { get; }

    public JsonObject Node { get; }

    public string JsonPointer { get; }

    public int Specificity { get; }

    public string Name => Node["operationId"]?.GetValue<string>() ?? $"{Method} {Template}";

    public bool Matches(string path) => pattern.IsMatch(path);
}
