using Ajanvaraus.Api.Identity;

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
