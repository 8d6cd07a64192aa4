using System.Net.Http.Headers;
using Ajanvaraus.Api.Data;
using Ajanvaraus.Api.Identity;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Ajanvaraus.Api.Tests.Infrastructure;

// The real service over HTTP, on a fresh database of its own (a SQLite file by default). Pass a FakeTimeProvider to pin
// "now"; without one the service runs on the real clock.
public sealed class AjanvarausApp(
    Engine engine = Engine.Sqlite,
    IReadOnlyDictionary<string, string?>? settings = null,
    FakeTimeProvider? clock = null)
    : WebApplicationFactory<Program>
{
    private readonly TestDatabase database = new(engine);

    public Engine Engine => engine;

    internal Db Db => Services.GetRequiredService<Db>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        // Hundreds of test apps would each watch appsettings.json and run out of the machine's inotify instances.
        builder.UseSetting("hostBuilder:reloadConfigOnChange", "false");
        builder.UseSetting("Database:Provider", engine == Engine.SqlServer ? "SqlServer" : "Sqlite");
        builder.UseSetting("Database:ConnectionString", database.ConnectionString);
        builder.UseSetting("Auth:SigningKeyFile", Path.Combine(database.Directory, "test.signing-key"));
        if (!RealRateLimits)
        {
            // Every test comes from one address, and some make dozens of holds and bookings a minute: the shared host
            // raises the budgets out of reach. Tests of the limits themselves (Security/) set RealRateLimits.
            foreach (var (key, value) in RaisedLimits)
            {
                builder.UseSetting(key, value);
            }
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            builder.UseSetting(key, value);
        }

        builder.UseSetting("Hangfire:Server", "false");
        builder.ConfigureServices(services =>
        {
            services.AddTransient<IStartupFilter, FailingEndpointStartupFilter>();
            services.AddTransient<IStartupFilter, TestRemoteAddressStartupFilter>();
            if (InMemoryLogs.Find(settings?.GetValueOrDefault(InMemoryLogs.Setting)) is { } logs)
            {
                services.AddSingleton<Microsoft.Extensions.Logging.ILoggerProvider>(logs);
            }
            if (clock is not null)
            {
                services.AddSingleton<TimeProvider>(clock);
            }
        });
    }

    // Every client of a test app checks each exchange against the committed contract (ContractCheckingHandler).
    public new HttpClient CreateClient() => CreateDefaultClient(new ContractCheckingHandler(Contract));

    // True: the rate limits, the wrong-token lock and the live-holds caps at their real defaults (or as `settings` say).
    public bool RealRateLimits { get; init; }

    private static readonly Dictionary<string, string> RaisedLimits = new()
    {
        ["RateLimits:Anonymous:SearchPerMinute"] = "1000000",
        ["RateLimits:Anonymous:WritesPerMinute"] = "1000000",
        ["RateLimits:Anonymous:LiveHolds"] = "1000000",
        ["RateLimits:Anonymous:HoldShareOfDay"] = "1",
        ["RateLimits:Portal:PerMinute"] = "1000000",
        ["RateLimits:Portal:LiveHolds"] = "1000000",
        ["RateLimits:Staff:PerMinute"] = "1000000",
        ["RateLimits:WrongTokens:Allowed"] = "1000",
    };

    // The contract the clients check against; tests of the check itself pass another document.
    public ContractDocument Contract { get; init; } = ContractDocument.Committed;

    internal string Token(TokenRequest request) => Services.GetRequiredService<TokenIssuer>().Issue(request);

    // A client carrying a bearer token for the given identity.
    internal HttpClient ClientAs(TokenRequest request)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token(request));
        return client;
    }

    public HttpClient Operator() => ClientAs(new TokenRequest(Roles.Operator));

    public HttpClient AgencyAdmin(string provider) => ClientAs(new TokenRequest(Roles.AgencyAdmin, Provider: provider));

    public HttpClient Adviser(string servicePoint) => ClientAs(new TokenRequest(Roles.Adviser, ServicePoint: servicePoint));

    public HttpClient Portal(string client) => ClientAs(new TokenRequest(Roles.Portal, Client: client));

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        database.Dispose();
    }
}
