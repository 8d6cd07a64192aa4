namespace Ajanvaraus.Api.Search;

internal static class SearchExtensions
{
    public static IServiceCollection AddSearch(this IServiceCollection services)
    {
        services.AddSingleton<SafePointWatch>();
        services.AddSingleton<AvailabilityIndex>();
        services.AddSingleton<Data.ICommitFollower>(s => s.GetRequiredService<AvailabilityIndex>());
        services.AddSingleton<AnswerCache>();
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.TypeInfoResolverChain.Insert(0, SearchJsonContext.Default));
        services.AddHostedService<IndexFollower>();
        services.AddHealthChecks().AddCheck<IndexHealthCheck>("availability-index", tags: [Health.HealthExtensions.Ready]);
        services.AddHealthChecks().AddCheck<SafePointHealthCheck>("change-log-safe-point", tags: [Health.HealthExtensions.Ready]);
        return services;
    }
}
