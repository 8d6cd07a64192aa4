using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;

namespace Ajanvaraus.Api.Hosting;

internal static class OpenApiExtensions
{
    public const string DocumentPath = "/openapi/v1.json";
    private const string BearerScheme = "bearer";
    private const string ProblemSchema = "ProblemDetails";

    public static IServiceCollection AddApiOpenApi(this IServiceCollection services) =>
        services.AddOpenApi("v1", options =>
        {
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo
                {
                    Title = "Ajanvaraus",
                    Version = "v1",
                    Description = """
                        Appointment booking for Finnish public administration: agencies publish their experts' time at
                        shared service points (in person, remote at the point, video, phone); citizens book through portals.
                        Errors are application/problem+json (RFC 9457). Times are ISO 8601 with offset. Texts follow
                        Accept-Language (fi, sv, en; fi by default).
                        """,
                };
                OpenApiContractRules.Describe(document);
                OpenApiContractRules.DescribeDateRanges(document);
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http,
                    Scheme = "bearer",
                    BearerFormat = "JWT",
                    Description = "A JWT from the identity provider; its `role` claim is operator, agency_admin (with `provider`), adviser (with `service_point`) or portal (with `client`).",
                };
                return Task.CompletedTask;
            });
            options.AddSchemaTransformer((schema, context, _) =>
            {
                OpenApiContractRules.TypeStringEnums(schema, context);
                OpenApiContractRules.TypeInstants(schema, context);
                OpenApiContractRules.FixRequired(schema, context);
                return Task.CompletedTask;
            });
            options.AddOperationTransformer(async (operation, context, ct) =>
            {
                var metadata = context.Description.ActionDescriptor.EndpointMetadata;
                var policies = metadata.OfType<IAuthorizeData>().Select(a => a.Policy).OfType<string>().ToList();
                var anonymous = metadata.OfType<IAllowAnonymous>().Any();
                var bearer = new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, context.Document)] = [] };
                // Anonymous operations also accept a portal's token (it records which portal acted).
                operation.Security = anonymous ? [new OpenApiSecurityRequirement(), bearer] : [bearer];

                operation.Responses ??= new OpenApiResponses();
                // Anonymous operations too: a bearer token that is sent must be valid (RejectInvalidTokens).
                operation.Responses.TryAdd("401", new OpenApiResponse
                {
                    Description = anonymous ? "A bearer token was sent and is not valid." : "No valid bearer token.",
                });
                if (!anonymous)
                {
                    operation.Responses.TryAdd("403",
                        new OpenApiResponse { Description = $"The token does not grant this (requires: {string.Join(", ", policies)})." });
                }

                if (operation.Parameters?.Any(p => p.In == ParameterLocation.Query) == true || operation.RequestBody is not null)
                {
                    operation.Responses.TryAdd("400", new OpenApiResponse());
                }

                if (operation.RequestBody is not null)
                {
                    // The JSON body binder answers 415 to any other content type.
                    operation.Responses.TryAdd("415", new OpenApiResponse());
                }

                OpenApiContractRules.DeclareRouteParameters(operation, context.Description.RelativePath);
                OpenApiContractRules.FixOptionalBody(operation);
                OpenApiContractRules.FixQueryEnums(operation, context);
                OpenApiContractRules.DescribeQueryDateRanges(operation, context);
                OpenApiContractRules.DescribeManageToken(operation, metadata.OfType<AcceptsManageTokenMetadata>().Any());
                OpenApiContractRules.MarkRawBodies(operation);
                OpenApiContractRules.RequireHeaders(operation, metadata.OfType<RequiresHeaderMetadata>());

                OpenApiContractRules.DescribeLimits(operation);
                operation.Responses.TryAdd("500", new OpenApiResponse { Description = "Unexpected server error." });
                await DescribeErrorsAsProblems(operation, context, ct);
                AddExamples(operation, metadata.OfType<ApiExamples>().FirstOrDefault(), context.ApplicationServices);
            });
        });

    public static WebApplication MapApiDocs(this WebApplication app)
    {
        app.MapOpenApi(DocumentPath).AllowAnonymous();
        if (app.Configuration.GetValue("OpenApi:SwaggerUi", defaultValue: true))
        {
            app.UseSwaggerUI(options =>
            {
                options.SwaggerEndpoint(DocumentPath, "Ajanvaraus v1");
                options.RoutePrefix = "swagger";
                options.DocumentTitle = "Ajanvaraus API";
            });
        }

        return app;
    }

    // Every error response carries a problem document; say so in the contract.
    private static async Task DescribeErrorsAsProblems(OpenApiOperation operation, OpenApiOperationTransformerContext context,
        CancellationToken ct)
    {
        var document = context.Document!;
        document.Components ??= new OpenApiComponents();
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        if (!document.Components.Schemas.ContainsKey(ProblemSchema))
        {
            document.AddComponent(ProblemSchema, await context.GetOrCreateSchemaAsync(typeof(ProblemDetails), null, ct));
        }

        foreach (var (status, response) in operation.Responses!)
        {
            if (status.Length != 3 || status[0] is not ('4' or '5') || response is not OpenApiResponse concrete)
            {
                continue;
            }

            concrete.Content ??= new Dictionary<string, OpenApiMediaType>();
            if (concrete.Content.Count == 0)
            {
                concrete.Content["application/problem+json"] = new OpenApiMediaType { Schema = new OpenApiSchemaReference(ProblemSchema,
                    document) };
            }

            if (string.IsNullOrEmpty(concrete.Description) || concrete.Description == "Bad Request")
            {
                concrete.Description = DefaultDescription(status);
            }
        }
    }

    private static void AddExamples(OpenApiOperation operation, ApiExamples? examples, IServiceProvider services)
    {
        if (examples is null)
        {
            return;
        }

        var json = services.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;
        if (examples.Request is not null && operation.RequestBody?.Content?.TryGetValue("application/json", out var request) == true)
        {
            request.Example = JsonSerializer.SerializeToNode(examples.Request, json);
        }

        var success = operation.Responses!.FirstOrDefault(r => r.Key.StartsWith('2')).Value;
        if (examples.Response is not null && success?.Content?.TryGetValue("application/json", out var response) == true)
        {
            response.Example = JsonSerializer.SerializeToNode(examples.Response, json);
        }
    }

    private static string DefaultDescription(string status) => status switch
    {
        "400" => "The request is invalid; `errors` names each field and the reason.",
        "404" => "Not found (or not visible to this caller).",
        "409" => "Conflict with the current state (e.g. the time was taken).",
        "415" => "The body is not application/json.",
        "422" => "The Idempotency-Key was used before with a different request.",
        _ => "Error.",
    };
}
