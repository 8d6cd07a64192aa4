using Microsoft.OpenApi;

namespace Ajanvaraus.Api.Hosting;

// The operation-level rules (see OpenApiContractRules.cs), and the endpoint metadata that feeds them.
internal static partial class OpenApiContractRules
{
    // A route parameter the handler does not bind (a filter reads it from the route values) is still part of the path:
    // declared here from the route pattern, typed by its constraint, so every operation names every path parameter.
    public static void DeclareRouteParameters(OpenApiOperation operation, string? routeTemplate)
    {
        if (routeTemplate is null)
        {
            return;
        }

        operation.Parameters ??= [];
        foreach (var parameter in Microsoft.AspNetCore.Routing.Patterns.RoutePatternFactory.Parse(routeTemplate).Parameters)
        {
            if (parameter.IsCatchAll || operation.Parameters.Any(p => p.In == ParameterLocation.Path && p.Name == parameter.Name))
            {
                continue;
            }

            var isGuid = parameter.ParameterPolicies.Any(p => p.Content == "guid");
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = parameter.Name,
                In = ParameterLocation.Path,
                Required = true,
                Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = isGuid ? "uuid" : null },
            });
        }
    }

    // The handler reads the manage token itself (header, or ?token= from e-mail links); the contract names both ways.
    public static void DescribeManageToken(OpenApiOperation operation, bool acceptsManageToken)
    {
        if (!acceptsManageToken)
        {
            return;
        }

        operation.Parameters ??= [];
        operation.Parameters.Add(new OpenApiParameter
        {
            Name = "X-Manage-Token",
            In = ParameterLocation.Header,
            Description = "The booking's manage token (from the answer that created it). Send this or `token`.",
            Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = 200 },
        });
        operation.Parameters.Add(new OpenApiParameter
        {
            Name = "token",
            In = ParameterLocation.Query,
            Description = "The manage token as a query parameter, for links in e-mails; the header wins when both are sent.",
            Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = 200 },
        });
    }

    // A text body that is not JSON (text/calendar) is the raw content, not a JSON string: say so, or generated clients
    // try to parse the calendar as JSON.
    public static void MarkRawBodies(OpenApiOperation operation)
    {
        var media = operation.Responses?.Values.OfType<OpenApiResponse>().SelectMany(r => r.Content ?? new Dictionary<string,
            OpenApiMediaType>()) ?? [];
        foreach (var (type, content) in media)
        {
            var json = type.Equals("application/json", StringComparison.OrdinalIgnoreCase) || type.EndsWith("+json",
                StringComparison.OrdinalIgnoreCase);
            if (!json && content.Schema is OpenApiSchema { Type: JsonSchemaType.String, Format: null } schema)
            {
                schema.Format = "binary";
            }
        }
    }

    // A header the handler checks itself (to answer a problem naming it) is still required by the contract.
    public static void RequireHeaders(OpenApiOperation operation, IEnumerable<RequiresHeaderMetadata> required)
    {
        foreach (var header in required)
        {
            foreach (var parameter in operation.Parameters?.OfType<OpenApiParameter>() ?? [])
            {
                if (parameter.In == ParameterLocation.Header && string.Equals(parameter.Name, header.Name,
                    StringComparison.OrdinalIgnoreCase))
                {
                    parameter.Required = true;
                }
            }
        }
    }
}

// In the contract: when a body has `Property`, it must also have `Requires` (JSON Schema dependentRequired).
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true)]
internal sealed class DependentRequiredAttribute(string property, params string[] requires) : Attribute
{
    public string Property { get; } = property;

    public string[] Requires { get; } = requires;
}

// Endpoint metadata: the handler takes a booking's manage token (X-Manage-Token header or ?token=).
internal sealed record AcceptsManageTokenMetadata;

// Endpoint metadata: the contract requires this header although the handler takes it as optional to answer 400 itself.
internal sealed record RequiresHeaderMetadata(string Name);

internal static class ContractEndpointExtensions
{
    public static TBuilder RequiresHeader<TBuilder>(this TBuilder builder, string name)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new RequiresHeaderMetadata(name));

    public static TBuilder AcceptsManageToken<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new AcceptsManageTokenMetadata());
}
