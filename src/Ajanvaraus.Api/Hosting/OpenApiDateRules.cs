using System.Reflection;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Ajanvaraus.Api.Hosting;

// [DateInRange] in the contract, as words: a `pattern` on the year would be exact for a schema validator, but NSwag
// turns it into [RegularExpression] on a DateTimeOffset property, which a validating client checks against the value's
// culture-dependent ToString() and fails.
internal static partial class OpenApiContractRules
{
    public const string DateRangeText = "From 2000-01-01 to 2100-12-31 (400 outside).";

    // On the request records' own entries, as copies: the generator may hand one schema instance to a request's and a
    // response's property of the same type, and an answer's dates are not limited.
    public static void DescribeDateRanges(OpenApiDocument document)
    {
        var types = typeof(DateBounds).Assembly.GetExportedTypes().GroupBy(t => t.Name).ToDictionary(g => g.Key, g => g.First());
        foreach (var (name, entry) in document.Components?.Schemas ?? new Dictionary<string, IOpenApiSchema>())
        {
            if (entry is not OpenApiSchema { Properties: { } properties } || !types.TryGetValue(name, out var type))
            {
                continue;
            }

            foreach (var member in type.GetProperties().Where(p => p.IsDefined(typeof(DateInRangeAttribute))))
            {
                var key = JsonNamingPolicy.CamelCase.ConvertName(member.Name);
                if (properties.TryGetValue(key, out var property))
                {
                    var copy = (OpenApiSchema)property.CreateShallowCopy();
                    copy.Description = WithRange(copy.Description);
                    properties[key] = copy;
                }
            }
        }
    }

    public static void DescribeQueryDateRanges(OpenApiOperation operation, OpenApiOperationTransformerContext context)
    {
        foreach (var parameter in operation.Parameters?.OfType<OpenApiParameter>().Where(p => p.In == ParameterLocation.Query) ?? [])
        {
            var description = context.Description.ParameterDescriptions.FirstOrDefault(p => p.Name == parameter.Name);
            if (description?.ParameterDescriptor is not IParameterInfoParameterDescriptor { ParameterInfo: var info })
            {
                continue;
            }

            // [AsParameters] records carry their attributes on the property of the same name.
            var property = info.Member.DeclaringType?.GetProperty(info.Name ?? "", BindingFlags.Public | BindingFlags.Instance);
            if (property?.IsDefined(typeof(DateInRangeAttribute)) == true || info.IsDefined(typeof(DateInRangeAttribute)))
            {
                parameter.Description = WithRange(parameter.Description);
            }
        }
    }

    private static string WithRange(string? description) =>
        string.IsNullOrEmpty(description) ? DateRangeText : $"{description.TrimEnd()} {DateRangeText}";
}
