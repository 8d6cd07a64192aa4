using System.Text.Json;

namespace Ajanvaraus.Api.Hosting;

internal static class ProblemDetailsExtensions
{
    // Every 4xx and 5xx leaves as application/problem+json (RFC 9457), in the caller's language.
    public static IServiceCollection AddApiProblemDetails(this IServiceCollection services)
    {
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            var problem = context.ProblemDetails;
            problem.Extensions.TryAdd("traceId", context.HttpContext.TraceIdentifier);
            // Handlers write English; the one translation happens here (ProblemTexts), so they need not know languages.
            var language = Language.Of(context.HttpContext.Request);
            problem.Title = problem.Title is null ? null : ProblemTexts.Translate(problem.Title, language);
            problem.Detail = problem.Detail is null ? null : ProblemTexts.Translate(problem.Detail, language);
            if (problem is HttpValidationProblemDetails validation)
            {
                CamelCaseFieldNames(validation.Errors);
                foreach (var (field, messages) in validation.Errors.ToList())
                {
                    validation.Errors[field] = messages.Select(m => ProblemTexts.Translate(m, language)).ToArray();
                }
            }
        });
        services.AddExceptionHandler<BadRequestExceptionHandler>();
        // Binding failures throw, so the handler can say which field and why (the default is an empty 400).
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
