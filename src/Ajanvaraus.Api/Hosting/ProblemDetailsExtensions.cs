using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;

namespace Ajanvaraus.Api.Hosting;

internal static class ProblemDetailsExtensions
{
    /// <summary>Every 4xx and 5xx leaves as application/problem+json (RFC 9457).</summary>
    public static IServiceCollection AddApiProblemDetails(this IServiceCollection services)
    {
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            context.ProblemDetails.Extensions.TryAdd("traceId", context.HttpContext.TraceIdentifier);
            if (context.ProblemDetails is HttpValidationProblemDetails validation)
            {
                CamelCaseFieldNames(validation.Errors);
            }
        });
        services.AddExceptionHandler<BadRequestExceptionHandler>();
        // Binding failures throw, so the handler below can say which field and why (the default is an empty 400).
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.AddValidation();
        return services;
    }

    // DataAnnotations name fields by their C# path ("Customer.Email"); clients know the JSON one ("customer.email").
    // Header names ("Idempotency-Key") are kept as they are.
    private static void CamelCaseFieldNames(IDictionary<string, string[]> errors)
    {
        foreach (var key in errors.Keys.ToList())
        {
            var camel = key.Contains('-') ? key : string.Join('.', key.Split('.').Select(JsonNamingPolicy.CamelCase.ConvertName));
            if (camel != key)
            {
                errors[camel] = errors.TryGetValue(camel, out var existing) ? [.. existing, .. errors[key]] : errors[key];
                errors.Remove(key);
            }
        }
    }
}

/// <summary>Turns request-binding failures (malformed JSON, wrong type, wrong media type) into 400/415 problems.</summary>
internal sealed class BadRequestExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken ct)
    {
        if (exception is not BadHttpRequestException bad)
        {
            return false;
        }

        context.Response.StatusCode = bad.StatusCode;
        var problem = new Microsoft.AspNetCore.Mvc.ProblemDetails
        {
            Status = bad.StatusCode,
            Title = bad.StatusCode == StatusCodes.Status415UnsupportedMediaType ? "Unsupported media type" : "The request is malformed",
            Detail = bad.StatusCode == StatusCodes.Status415UnsupportedMediaType ? "Send the body as application/json." : Describe(bad),
        };
        if (bad.InnerException is JsonException { Path: { } path })
        {
            problem.Extensions["errors"] = new Dictionary<string, string[]>
            {
                [FieldName(path)] = [bad.InnerException.Message],
            };
        }

        return await problems.TryWriteAsync(new() { HttpContext = context, ProblemDetails = problem, Exception = exception });
    }

    private static string Describe(BadHttpRequestException bad) => bad.InnerException switch
    {
        JsonException { Path: { } path } json => $"The JSON body is invalid at '{FieldName(path)}': {json.Message}",
        JsonException json => $"The JSON body is invalid: {json.Message}",
        _ => bad.Message,
    };

    // "$.customer.email" -> "customer.email"
    private static string FieldName(string jsonPath) => jsonPath.TrimStart('$').TrimStart('.');
}
