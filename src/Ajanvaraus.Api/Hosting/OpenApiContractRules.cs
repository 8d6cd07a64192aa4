using System.ComponentModel.DataAnnotations;
using System.Reflection;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Ajanvaraus.Api.Hosting;

// Where the generated document and the service's real behaviour differ, these rules make the document say what the
// service does; the contract tests check every exchange of the test suite against the result.
internal static partial class OpenApiContractRules
{
    private static readonly Dictionary<string, string> TagDescriptions = new()
    {
        ["Providers"] = "Agencies and municipalities that publish services (Kela, Verohallinto, poliisi, DVV, TE, a municipality).",
        ["Service points"] = "Joint service points: addresses, opening hours, closures and the video rooms for remote service.",
        ["Services"] = "What a provider offers: duration, channels, booking limits and the service card for advisers.",
        ["Experts"] = "A provider's experts: the services they deliver and the languages they serve in.",
        ["Availability"] = "When experts can be booked: rules, absences, windows, conflicts and the search for bookable times.",
        ["Bookings"] = "Holds and bookings; a citizen manages a booking with its manage token.",
        ["Advisers"] = "A service point's day for its advisers: the agenda of every agency and free times for walk-ins.",
        ["Notifications"] = "The outbox of confirmations, changes, cancellations and reminders (e-mail and SMS), for operators.",
        ["Calendars"] = "Subscribable iCalendar feeds of bookings, and the agencies' own calendars read in as busy time.",
        ["Privacy"] = "Retention: personal data of past bookings removed on schedule, or now by an operator.",
    };

    public static void Describe(OpenApiDocument document)
    {
        // A relative server: the document is correct wherever the service runs, and clients resolve it from where they read it.
        document.Servers = [new OpenApiServer { Url = "/", Description = "The service that serves this document." }];
        document.Info.Contact = new OpenApiContact { Name = "Ajanvaraus API", Email = "api@ajanvaraus.example" };
        document.Info.License = new OpenApiLicense { Name = "EUPL-1.2", Identifier = "EUPL-1.2" };
        // FixRequired marked a property required only when it is never null on the wire or [Required]; a schema that
        // still admits null there comes from a nullable type under [Required] (Guid?, so validation sees "missing").
        foreach (var schema in document.Components?.Schemas?.Values.OfType<OpenApiSchema>() ?? [])
        {
            foreach (var name in schema.Required?.ToList() ?? [])
            {
                if (schema.Properties?.TryGetValue(name, out var property) == true)
                {
                    schema.Properties[name] = WithoutNull(property);
                }
            }
        }

        document.Tags ??= new HashSet<OpenApiTag>();
        foreach (var tag in document.Tags.Where(t => t.Name is not null && TagDescriptions.ContainsKey(t.Name)))
        {
            tag.Description = TagDescriptions[tag.Name!];
        }
    }

    // Enums are written as strings (JsonStringEnumConverter); without `type` generated clients take them for integers.
    public static void TypeStringEnums(OpenApiSchema schema, OpenApiSchemaTransformerContext context)
    {
        var type = Nullable.GetUnderlyingType(context.JsonTypeInfo.Type) ?? context.JsonTypeInfo.Type;
        if (type.IsEnum && schema.Enum is { Count: > 0 } && schema.Type is null)
        {
            schema.Type = JsonSchemaType.String;
        }
    }

    // Instants go through OffsetDateTimeConverter; the generator cannot see through a custom converter and would leave
    // `type` out, so say it: an ISO 8601 string (nullable ones get their null from FixRequired's rules).
    public static void TypeInstants(OpenApiSchema schema, OpenApiSchemaTransformerContext context)
    {
        var type = context.JsonTypeInfo.Type;
        if ((type == typeof(DateTimeOffset) || type == typeof(DateTimeOffset?)) && schema.Type is null)
        {
            schema.Type = type == typeof(DateTimeOffset) ? JsonSchemaType.String : JsonSchemaType.String | JsonSchemaType.Null;
            schema.Format = "date-time";
        }
    }

    // The JSON options leave null properties out, so only what is always present (or [Required] in a request) is required.
    public static void FixRequired(OpenApiSchema schema, OpenApiSchemaTransformerContext context)
    {
        var type = context.JsonTypeInfo;
        // A type first met as some property's type comes here with that JsonPropertyInfo set: its own schema all the same.
        if (type.Kind != JsonTypeInfoKind.Object || schema.Properties is not { Count: > 0 })
        {
            return;
        }

        var required = new HashSet<string>();
        var nullability = new NullabilityInfoContext();
        foreach (var property in type.Properties.Where(p => !p.IsExtensionData && schema.Properties.ContainsKey(p.Name)))
        {
            var marked = property.AttributeProvider?.IsDefined(typeof(RequiredAttribute), inherit: true) == true;
            var nullable = Nullable.GetUnderlyingType(property.PropertyType) is not null || property.AttributeProvider switch
            {
                PropertyInfo info => nullability.Create(info).ReadState != NullabilityState.NotNull,
                FieldInfo info => nullability.Create(info).ReadState != NullabilityState.NotNull,
                _ => !property.PropertyType.IsValueType,
            };
            var defaulted = property.AssociatedParameter?.HasDefaultValue == true;
            if (marked || (!nullable && !defaulted))
            {
                required.Add(property.Name);
            }
        }

        schema.Required = required;
        foreach (var property in schema.Properties.Values.OfType<OpenApiSchema>())
        {
            // A body field limited to a few words ([RegularExpression("^(fi|sv|en)$")]) is an enum, as in the query.
            if (property.Type == JsonSchemaType.String && property.Enum is null or { Count: 0 } && AllowedWords(property.Pattern) is { } words)
            {
                property.Enum = words.Select(w => (JsonNode)JsonValue.Create(w)).ToList();
            }
        }

        foreach (var rule in type.Type.GetCustomAttributes<DependentRequiredAttribute>())
        {
            schema.DependentRequired ??= new Dictionary<string, HashSet<string>>();
            schema.DependentRequired[rule.Property] = [.. rule.Requires];
        }
    }

    // A request body the handler takes as optional (`Body? body`) may be left out — or be JSON null, which clients such
    // as NSwag's send for "no body": the schema keeps admitting null, the body is marked optional.
    public static void FixOptionalBody(OpenApiOperation operation)
    {
        if (operation.RequestBody is not OpenApiRequestBody body || body.Content is null)
        {
            return;
        }

        foreach (var media in body.Content.Values)
        {
            if (media.Schema is OpenApiSchema { OneOf: { Count: 2 } oneOf } && oneOf.Any(IsNullOnly))
            {
                body.Required = false;
            }
        }
    }

    // A query string that may only be one of a few words is an enum, so generated clients get one.
    public static void FixQueryEnums(OpenApiOperation operation, OpenApiOperationTransformerContext context)
    {
        foreach (var parameter in operation.Parameters?.OfType<OpenApiParameter>().Where(p => p.In == ParameterLocation.Query) ?? [])
        {
            if (parameter.Schema is not OpenApiSchema { Enum: null or { Count: 0 } } schema || schema.Type != JsonSchemaType.String)
            {
                continue;
            }

            var words = AllowedWords(schema.Pattern) ?? AllowedValues(context, parameter.Name);
            if (words is { Count: > 0 })
            {
                parameter.Schema = EnumComponent(context.Document, words) is { } component
                    ? new OpenApiSchemaReference(component, context.Document)
                    : new OpenApiSchema { Type = JsonSchemaType.String, Enum = words.Select(w => (JsonNode)JsonValue.Create(w)).ToList() };
            }
        }
    }

    private static List<string>? AllowedWords(string? pattern) =>
        pattern is not null && WordChoice().Match(pattern) is { Success: true } match ? match.Groups[1].Value.Split('|').ToList() : null;

    private static List<string>? AllowedValues(OpenApiOperationTransformerContext context, string? name)
    {
        var description = context.Description.ParameterDescriptions.FirstOrDefault(p => p.Name == name);
        if (description?.ParameterDescriptor is not IParameterInfoParameterDescriptor { ParameterInfo: var info })
        {
            return null;
        }

        // [AsParameters] records carry their attributes on the property of the same name.
        var property = info.Member.DeclaringType?.GetProperty(info.Name ?? "", BindingFlags.Public | BindingFlags.Instance);
        var allowed = property?.GetCustomAttribute<AllowedValuesAttribute>() ?? info.GetCustomAttribute<AllowedValuesAttribute>();
        return allowed?.Values.OfType<string>().ToList();
    }

    private static string? EnumComponent(OpenApiDocument? document, List<string> words) =>
        document?.Components?.Schemas?.FirstOrDefault(s => s.Value.Enum is { } e && e.Select(v => v?.GetValue<string>()).Order().SequenceEqual(words.Order())).Key;

    private static IOpenApiSchema WithoutNull(IOpenApiSchema schema) => schema switch
    {
        OpenApiSchema { OneOf: { Count: 2 } oneOf } when oneOf.Any(IsNullOnly) => oneOf.First(s => !IsNullOnly(s)),
        OpenApiSchema { Type: { } type } concrete when type.HasFlag(JsonSchemaType.Null) => WithType(concrete, type & ~JsonSchemaType.Null),
        _ => schema,
    };

    private static OpenApiSchema WithType(OpenApiSchema schema, JsonSchemaType type)
    {
        var copy = (OpenApiSchema)schema.CreateShallowCopy();
        copy.Type = type;
        return copy;
    }

    private static bool IsNullOnly(IOpenApiSchema schema) => schema is OpenApiSchema { Type: JsonSchemaType.Null };

    [GeneratedRegex(@"^\^\(([a-z0-9_]+(?:\|[a-z0-9_]+)*)\)\$$")]
    private static partial Regex WordChoice();
}
