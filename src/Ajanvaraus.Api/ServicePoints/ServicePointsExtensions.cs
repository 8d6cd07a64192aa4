namespace Ajanvaraus.Api.ServicePoints;

internal static class ServicePointsExtensions
{
    public static IServiceCollection AddServicePoints(this IServiceCollection services)
    {
        services.AddSingleton<ServicePointStore>();
        services.AddSingleton<ClosureStore>();
        services.AddSingleton<VideoRoomStore>();
        return services;
    }
}
