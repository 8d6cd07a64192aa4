using Ajanvaraus.Api.Data;
using Ajanvaraus.Api.Experts;
using Ajanvaraus.Api.Health;
using Ajanvaraus.Api.Hosting;
using Ajanvaraus.Api.Identity;
using Ajanvaraus.Api.Providers;
using Ajanvaraus.Api.Services;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddDatabase();
builder.Services.AddApiIdentity();
builder.Services.AddApiJson();
builder.Services.AddApiProblemDetails();
builder.Services.AddApiOpenApi();
builder.Services.AddApiHealth();
builder.Services.AddSingleton<ProviderStore>();
builder.Services.AddSingleton<ServiceStore>();
builder.Services.AddSingleton<ExpertStore>();

var app = builder.Build();

if (app.RunCommand(args, Console.Out, Console.Error) is { } exitCode)
{
    return exitCode;
}

app.Services.GetRequiredService<SchemaMigrator>().Migrate();

app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseAuthentication();
app.UseAuthorization();

app.MapApiDocs();
app.MapApiHealth();

var api = app.MapGroup("/api/v1");
api.MapProviders();
api.MapServices();
api.MapServiceSearch();
api.MapExperts();
api.MapExpertLookup();

app.Run();
return 0;
