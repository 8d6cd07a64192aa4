using Ajanvaraus.Api.Advisers;
using Ajanvaraus.Api.Availability;
using Ajanvaraus.Api.BookingPage;
using Ajanvaraus.Api.Bookings;
using Ajanvaraus.Api.Calendars;
using Ajanvaraus.Api.Data;
using Ajanvaraus.Api.Demo;
using Ajanvaraus.Api.Experts;
using Ajanvaraus.Api.Health;
using Ajanvaraus.Api.Hosting;
using Ajanvaraus.Api.Identity;
using Ajanvaraus.Api.Notifications;
using Ajanvaraus.Api.Providers;
using Ajanvaraus.Api.Search;
using Ajanvaraus.Api.ServicePoints;
using Ajanvaraus.Api.Services;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddDatabase();
builder.Services.AddApiIdentity();
builder.Services.AddApiJson();
builder.Services.AddApiProblemDetails();
builder.Services.AddApiOpenApi();
builder.Services.AddApiHealth();
builder.Services.AddApiHangfire(builder.Configuration);
builder.Services.AddAvailability();
builder.Services.AddSearch();

builder.Services.AddSingleton<ProviderStore>();
builder.Services.AddServicePoints();
builder.Services.AddSingleton<ServiceStore>();
builder.Services.AddExperts();
builder.Services.AddSingleton<DemoSeeder>();
builder.Services.AddBookings();
builder.Services.AddAdvisers();
builder.Services.AddCalendars();
builder.Services.AddNotifications();
builder.Services.AddBookingPage();

var app = builder.Build();

if (await app.RunCommandAsync(args, Console.Out, Console.Error) is { } exitCode)
{
    return exitCode;
}

if (app.Services.GetRequiredService<SchemaMigrator>().TryMigrate(Console.Error) is null)
{
    return 1;
}

app.ScheduleRecurringJobs();

app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseAuthentication();
app.RejectInvalidTokens();
app.UseAuthorization();
app.UseIndexFreshness();

app.MapApiDocs();
app.MapApiHealth();
app.MapBookingPage();

var api = app.MapGroup("/api/v1");
api.MapProviders();
api.MapServicePoints();
api.MapServicePointClosures();
api.MapVideoRooms();
api.MapServices();
api.MapServiceSearch();
api.MapExperts();
api.MapExpertLookup();
api.MapAvailability();
api.MapAvailabilitySearch();
api.MapBookingsApi();
api.MapCalendars();
api.MapAdvisers();
app.MapNotificationsApi(api);

app.Run();
return 0;
