namespace Ajanvaraus.Api.Bookings;

internal static class BookingsExtensions
{
    public static IServiceCollection AddBookings(this IServiceCollection services)
    {
        services.AddOptions<BookingOptions>().BindConfiguration(BookingOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<BookingStore>();
        services.AddSingleton<BookingHistory>();
        services.AddSingleton<BookingStatusStore>();
        services.AddSingleton<HoldStore>();
        services.AddSingleton<HoldShare>();
        services.AddSingleton<SlotChecks>();
        services.AddSingleton<BookingFlow>();
        services.AddSingleton<PurgeJobs>();
        services.AddSingleton<ProviderBookingStore>();
        return services;
    }

    // Holds, bookings and what their manage token or a staff token allows, and the agency's list.
    public static IEndpointRouteBuilder MapBookingsApi(this IEndpointRouteBuilder api)
    {
        api.MapHolds();
        api.MapBookings();
        api.MapBookingChanges();
        api.MapBookingStatus();
        api.MapProviderBookings();
        return api;
    }
}
