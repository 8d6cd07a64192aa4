using System.Net;
using Ajanvaraus.Api.Demo;
using Ajanvaraus.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Ajanvaraus.Api.Tests.BookingPage;

// One real service on 127.0.0.1:<free port> (Kestrel, its own SQLite file, the demo data) and one headless Debian
// chromium, shared by a test class. Without chromium nothing starts and each test skips with the reason.
public sealed class BookingPageHost : IAsyncLifetime
{
    public const string ChromiumVariable = "AJANVARAUS_CHROMIUM";

    private IPlaywright? playwright;

    public AjanvarausApp? App { get; private set; }

    public IBrowser? Browser { get; private set; }

    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    // The browser Playwright drives: $AJANVARAUS_CHROMIUM (a path that does not exist turns the tests off), else
    // Debian's chromium. No browser is ever downloaded.
    public static string? ChromiumPath =>
        Environment.GetEnvironmentVariable(ChromiumVariable) is { Length: > 0 } asked
            ? (File.Exists(asked) ? asked : null)
            : new[] { "/usr/bin/chromium", "/usr/bin/chromium-browser" }.FirstOrDefault(File.Exists);

    public async ValueTask InitializeAsync()
    {
        if (ChromiumPath is not { } chromium)
        {
            return;
        }

        App = new AjanvarausApp();
        App.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        App.StartServer();
        var addresses = App.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!;
        BaseAddress = new Uri(addresses.Addresses.First());
        await App.Services.GetRequiredService<DemoSeeder>().SeedAsync(TextWriter.Null, CancellationToken.None);

        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            // Containers run as root without user namespaces; chromium's sandbox cannot start there. The service listens on
            // the loopback, which chromium shields from "public" pages such as the embedding test's routed site.
            Args = ["--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--disable-features=LocalNetworkAccessChecks"],
        });
    }

    public void SkipUnlessAvailable()
    {
        if (Browser is null)
        {
            Assert.Skip($"Browser tests: install chromium (apt-get install -y chromium) or set {ChromiumVariable} to its path.");
        }
    }

    // A fresh browser context per test (its own cookies and storage), at the desktop width; "" opens no page yet.
    public async Task<BookingPageSession> OpenAsync(string pathAndQuery, string test)
    {
        SkipUnlessAvailable();
        var context = await Browser!.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
            AcceptDownloads = true,
        });
        context.SetDefaultTimeout(15_000);
        var page = await context.NewPageAsync();
        var session = new BookingPageSession(context, page, test);
        if (pathAndQuery.Length > 0)
        {
            await page.GotoAsync(pathAndQuery);
        }

        return session;
    }

    // A plain API client of the same service (another citizen, or the test looking behind the page).
    public HttpClient Api() => App!.CreateClient();

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        playwright?.Dispose();
        if (App is not null)
        {
            await App.DisposeAsync();
        }
    }
}
