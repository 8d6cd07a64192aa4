namespace Ajanvaraus.Api.Experts;

internal static class ExpertsExtensions
{
    public static IServiceCollection AddExperts(this IServiceCollection services)
    {
        services.AddSingleton<ExpertStore>();
        services.AddSingleton<ExpertAccess>();
        return services;
    }
}
