using Ajanvaraus.Api.Availability;
using Ajanvaraus.Api.Data;
using Ajanvaraus.Api.Health;
using Ajanvaraus.Api.Hosting;
using Ajanvaraus.Api.Identity;
using Ajanvaraus.Api.Providers;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddDatabase();
builder.Services.AddApiIdentity();
builder.Services.AddApiJson();
builder.Services.AddApiProblemDetails();
builder.Services.AddApiOpenApi();
builder.Services.AddApiHealth();
builder.Services.AddSingleton<ProviderStore>();
builder.Services.AddAvailability();
builder.Services.AddApiHangfire(builder.Configuration);

var app = builder.Build();

if (app.RunCommand(args, Console.Out, Console.Error) is { } exitCode)
{
    return exitCode;
}

app.Services.GetRequiredService<SchemaMigrator>().Migrate();
app.ScheduleRecurringJobs();

app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseAuthentication();
app.UseAuthorization();

app.MapApiDocs();
app.MapApiHealth();

var api = app.MapGroup("/api/v1");
api.MapProviders();
api.MapAvailability();

app.Run();
return 0;
