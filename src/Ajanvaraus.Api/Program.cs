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
using Ajanvaraus.Api.Privacy;
using Ajanvaraus.Api.Providers;
using Ajanvaraus.Api.Search;
using Ajanvaraus.Api.ServicePoints;
using Ajanvaraus.Api.Services;
using Ajanvaraus.Api.Statistics;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddLogRedaction();
builder.Services.AddDatabase();
builder.Services.AddApiIdentity();
builder.Services.AddApiJson();
// Before the problem details: its 413 handler must see an oversized body before the binding handler does.
builder.Services.AddApiRequestLimits();
builder.Services.AddApiProblemDetails();
builder.Services.AddClientAddress(builder.Configuration);
builder.Services.AddSecurityHeaders(builder.Configuration);
builder.Services.AddApiRateLimiting();
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
builder.Services.AddNotifications(builder.Configuration);
builder.Services.AddStatistics();
builder.Services.AddPrivacy();
builder.Services.AddBookingPage();

var app = builder.Build();

var auth = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<AuthOptions>>().Value;
if (auth.ProductionRefusal(app.Configuration[HostDefaults.EnvironmentKey]) is { } refusal)
{
    Console.Error.WriteLine(refusal);
    return 1;
}

if (await app.RunCommandAsync(args, Console.Out, Console.Error) is { } exitCode)
{
    return exitCode;
}

if (app.Services.GetRequiredService<SchemaMigrator>().TryMigrate(Console.Error) is null)
{
    return 1;
}

app.ScheduleRecurringJobs();
app.SchedulePrivacyJobs();

// The client's address first (limits are keyed by it), then headers every answer carries.
app.UseForwardedHeaders();
app.UseSecurityHeaders();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseCors();
app.UseApiRequestLimits();
app.UseAuthentication();
// Limits after authentication (portals and staff have budgets of their own), before an invalid token's 401: a flood
// of bad tokens spends the address's budget.
app.UseApiRateLimiting();
app.UseTokenGuard();
app.RejectInvalidTokens();
app.UseAuthorization();

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
api.MapStatistics();
api.MapPrivacy();

app.Run();
return 0;
