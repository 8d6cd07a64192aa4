using System.Collections;
using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;

namespace Ajanvaraus.Api.Hosting;

// Turns request-binding failures (malformed JSON, a value of the wrong type, no body, wrong media type) into 400/415
// problems naming the field as the caller spells it, in a sentence: never a C# type, parameter name or byte position.
internal sealed partial class BadRequestExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public const string Malformed = "The request is malformed";

    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken ct)
    {
        if (exception is not BadHttpRequestException bad)
        {
            return false;
        }

        context.Response.StatusCode = bad.StatusCode;
        Microsoft.AspNetCore.Mvc.ProblemDetails problem = bad.StatusCode == StatusCodes.Status415UnsupportedMediaType
            ? new() { Title = "Unsupported media type", Detail = "Send the body as application/json." }
            : Describe(bad) is var (field, message, detail)
                ? new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [message] })
                {
                    Title = Malformed,
                    Detail = detail,
                }
                : new() { Title = Malformed, Detail = "Check the request's parameters and body against the API description." };
        problem.Status = bad.StatusCode;
        return await problems.TryWriteAsync(new() { HttpContext = context, ProblemDetails = problem, Exception = exception });
    }

    private static (string Field, string Message, string Detail)? Describe(BadHttpRequestException bad)
    {
        if (bad.InnerException is JsonException json)
        {
            var field = json.Path is { Length: > 1 } path ? path.TrimStart('$').TrimStart('.') : "body";
            return (field, json.Message.Contains("could not be converted", StringComparison.Ordinal)
                ? Expected(ConvertedType(json.Message), field)
                : "This is not valid JSON: check the quotes, commas and brackets.", "The JSON body could not be read.");
        }

        if (BindFailure().Match(bad.Message) is { Success: true } bind)
        {
            return (Camel(bind.Groups["name"].Value), Expected(bind.Groups["type"].Value), "A parameter has a value of the wrong form.");
        }

        if (NotProvided().Match(bad.Message) is { Success: true } missing)
        {
            return missing.Groups["source"].Value == "body" || missing.Groups["source"].Value == "request body"
                ? ("body", "Send a JSON body.", "The request has no body.")
                : (Camel(missing.Groups["name"].Value), "Required.", "A required parameter is missing.");
        }

        return bad.Message.StartsWith("Implicit body inferred", StringComparison.Ordinal)
            ? ("body", "Send a JSON body.", "The request has no body.")
            : null;
    }

    // The value's expected form, by the C# type binding wanted (a type name never leaves).
    private static string Expected(string type) => Expected(KnownType(type), "");

    private static string Expected(Type? type, string field)
    {
        var leaf = FieldType(type, field);
        leaf = Nullable.GetUnderlyingType(leaf ?? typeof(object)) ?? leaf;
        return leaf switch
        {
            _ when leaf == typeof(int) || leaf == typeof(long) || leaf == typeof(short) => "Give a whole number.",
            _ when leaf == typeof(decimal) || leaf == typeof(double) => "Give a number.",
            _ when leaf == typeof(bool) => "Give true or false.",
            _ when leaf == typeof(Guid) => "Give an id in UUID form, e.g. 0193a7c2-5b8e-7c3a-9d1e-2f4a6b8c0d1e.",
            _ when leaf == typeof(DateOnly) => "Give a date as yyyy-MM-dd, e.g. 2026-12-11.",
            _ when leaf == typeof(TimeOnly) => "Give a time of day as HH:mm, e.g. 09:30.",
            _ when leaf == typeof(DateTimeOffset) || leaf == typeof(DateTime) =>
                "Give a time in ISO 8601 with its offset, e.g. 2026-12-11T09:00:00+02:00.",
            _ when leaf == typeof(string) => "Give a text (in quotes).",
            { IsEnum: true } => $"Use one of: {string.Join(", ", Enum.GetNames(leaf).Select(SnakeCase))}.",
            _ when leaf is not null && leaf != typeof(object) && typeof(IEnumerable).IsAssignableFrom(leaf) => "Give a list (in brackets).",
            _ when leaf is not null && leaf != typeof(object) && leaf.IsClass => "Give an object (in braces).",
            _ => "This value has the wrong form.",
        };
    }

    // System.Text.Json names the record whose constructor takes the value, or the value's own type: walk to the field.
    private static Type? FieldType(Type? type, string field)
    {
        var name = Regex.Replace(field.Split('.')[^1], @"\[\d+\]$", "");
        var indexed = field.EndsWith(']');
        if (type is null || type.IsPrimitive || type.IsEnum || type == typeof(string) || type.Namespace == "System")
        {
            return type;
        }

        var property = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .FirstOrDefault(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name) == name);
        var found = property?.PropertyType ?? type;
        return indexed && found.IsGenericType ? found.GetGenericArguments()[0] : found;
    }

    private static Type? ConvertedType(string message) =>
        ConvertedTo().Match(message) is { Success: true } m ? KnownType(m.Groups["type"].Value.TrimEnd('.')) : null;

    private static Type? KnownType(string name)
    {
        var nullable = name.StartsWith("Nullable<", StringComparison.Ordinal) ? name[9..^1] : name;
        return Type.GetType(nullable) ?? Type.GetType("System." + nullable) ?? typeof(BadRequestExceptionHandler).Assembly.GetType(nullable)
            ?? nullable switch
            {
                "int" => typeof(int),
                "long" => typeof(long),
                "bool" => typeof(bool),
                "string" => typeof(string),
                _ => null,
            };
    }

    private static string Camel(string name) => JsonNamingPolicy.CamelCase.ConvertName(name);

    // The enums' JSON names ([JsonStringEnumMemberName]) are their snake_case spellings.
    private static string SnakeCase(string name) => JsonNamingPolicy.SnakeCaseLower.ConvertName(name);

    [GeneratedRegex("^Failed to bind parameter \"(?<type>.+) (?<name>[^ ]+)\" from \"")]
    private static partial Regex BindFailure();

    [GeneratedRegex("^Required parameter \"(?<type>.+) (?<name>[^ ]+)\" was not provided from (?<source>[a-z ]+)\\.")]
    private static partial Regex NotProvided();

    [GeneratedRegex(@"could not be converted to (?<type>[\w.+`]+)")]
    private static partial Regex ConvertedTo();
}
