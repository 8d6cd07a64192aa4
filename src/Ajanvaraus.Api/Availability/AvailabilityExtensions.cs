namespace Ajanvaraus.Api.Availability;

internal static class AvailabilityExtensions
{
    public static IServiceCollection AddAvailability(this IServiceCollection services)
    {
        services.AddOptions<AvailabilityOptions>()
            .BindConfiguration(AvailabilityOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<WindowMaterializer>();
        services.AddSingleton<AvailabilityRuleStore>();
        services.AddSingleton<AbsenceStore>();
        services.AddSingleton<WindowStore>();
        return services;
    }

    public static IEndpointRouteBuilder MapAvailability(this IEndpointRouteBuilder api)
    {
        api.MapAvailabilityRules();
        api.MapAbsences();
        api.MapWindows();
        api.MapConflicts();
        return api;
    }
}
