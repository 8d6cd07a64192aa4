namespace Ajanvaraus.Api.Advisers;

internal static class AdvisersExtensions
{
    public static IServiceCollection AddAdvisers(this IServiceCollection services)
    {
        services.AddOptions<AdviserOptions>().BindConfiguration(AdviserOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<AgendaStore>();
        return services;
    }
}
