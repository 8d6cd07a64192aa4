using Microsoft.OpenApi;

namespace Ajanvaraus.Api.Hosting;

// The limits every operation shares, said once here rather than on each endpoint (RateLimiting.cs, RequestLimits.cs).
internal static partial class OpenApiContractRules
{
    // Inline on each operation (the contract checks read responses without following $ref).
    public static void DescribeLimits(OpenApiOperation operation)
    {
        operation.Responses ??= new OpenApiResponses();
        operation.Responses.TryAdd("429", new OpenApiResponse
        {
            Description = "Too many requests from this caller (its budget a minute, wrong tokens from its address, its live "
                + "holds, or anonymous holds' share of a day). Every answer carries `RateLimit-Policy` and `RateLimit` (IETF "
                + "RateLimit header fields).",
            Headers = new Dictionary<string, IOpenApiHeader>
            {
                ["Retry-After"] = Header("Seconds until the caller may try again.", JsonSchemaType.Integer),
            },
        });
        operation.Responses.TryAdd("414", new OpenApiResponse { Description = "The query string is longer than the service accepts." });
        if (operation.RequestBody is not null)
        {
            operation.Responses.TryAdd("413",
                new OpenApiResponse { Description = "The body is larger than the service accepts (64 KiB)." });
        }
    }

    private static OpenApiHeader Header(string description, JsonSchemaType type) =>
        new() { Description = description, Schema = new OpenApiSchema { Type = type } };
}
