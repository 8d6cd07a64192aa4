using Ajanvaraus.Api.Identity;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Ajanvaraus.Api.Statistics;

// Who records walk-ins (an adviser of a point or an operator; agency admins only read them) and who reads the
// compensation (operators and agency admins, their own agency's rows).
internal static class StatisticsPolicies
{
    public const string PointStaff = "point_staff";
    public const string Compensation = "compensation";
}

internal static class StatisticsExtensions
{
    public static IServiceCollection AddStatistics(this IServiceCollection services)
    {
        services.AddAuthorizationBuilder()
            .AddPolicy(StatisticsPolicies.PointStaff, policy => policy.RequireAssertion(context =>
                context.User.IsInRole(Roles.Operator)
                || (context.User.IsInRole(Roles.Adviser) && context.User.HasClaim(c => c.Type == ClaimNames.ServicePoint))))
            .AddPolicy(StatisticsPolicies.Compensation, policy => policy.RequireAssertion(context =>
                context.User.IsInRole(Roles.Operator)
                || (context.User.IsInRole(Roles.AgencyAdmin) && context.User.HasClaim(c => c.Type == ClaimNames.Provider))));
        services.Configure<OpenApiOptions>("v1", options => options.AddDocumentTransformer((document, _, _) =>
        {
            foreach (var tag in document.Tags?.Where(t => t.Name == TransactionTypesApi.Tag) ?? [])
            {
                tag.Description = "Walk-in service events, transaction types and their prices, statistics and the host municipality's "
                    + "compensation statement. No personal data.";
            }

            return Task.CompletedTask;
        }));
        services.Configure<OpenApiOptions>("v1", options => options.AddOperationTransformer((operation, context, _) =>
        {
            if (context.Description.ActionDescriptor.EndpointMetadata.OfType<CsvAlternativeMetadata>().Any()
                && operation.Responses?.TryGetValue("200", out var ok) == true && ok is OpenApiResponse response)
            {
                response.Content ??= new Dictionary<string, OpenApiMediaType>();
                response.Content[Csv.ContentType] = new OpenApiMediaType
                {
                    Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" },
                };
            }

            return Task.CompletedTask;
        }));
        services.AddSingleton<TransactionTypeStore>();
        services.AddSingleton<ServiceEventStore>();
        services.AddSingleton<PriceStore>();
        services.AddSingleton<StatisticsStore>();
        services.AddSingleton<CompensationStore>();
        return services;
    }

    public static IEndpointRouteBuilder MapStatistics(this IEndpointRouteBuilder api)
    {
        api.MapTransactionTypes();
        api.MapServiceEvents();
        api.MapPrices();
        api.MapStatisticsReport();
        api.MapCompensationReport();
        return api;
    }
}

// Endpoint metadata: the 200 answer is also CSV for `Accept: text/csv` (the contract lists both content types).
internal sealed record CsvAlternativeMetadata;
