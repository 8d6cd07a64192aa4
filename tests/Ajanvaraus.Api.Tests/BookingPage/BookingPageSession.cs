using Ajanvaraus.Api.Tests.Infrastructure;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Ajanvaraus.Api.Tests.BookingPage;

// One test's browser page, with the checks every step gets: axe at WCAG 2.1 A/AA, no sideways scrolling at 320 px,
// and screenshots at 1280 and 320 px under the test project's TestResults/booking-page/.
public sealed class BookingPageSession(IBrowserContext context, IPage page, string test) : IAsyncDisposable
{
    private static readonly string ShotsFolder = Path.Combine(RepositoryRoot.Path, "tests", "Ajanvaraus.Api.Tests", "TestResults",
        "booking-page");

    private int step;

    public IPage Page => page;

    public async Task StepAsync(string name)
    {
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        var axe = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
        });
        Assert.True(axe.Violations.Length == 0, $"axe at step '{name}' of {test}:\n" + string.Join("\n", axe.Violations.Select(v =>
            $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Html))}")));

        Directory.CreateDirectory(ShotsFolder);
        step++;
        var file = $"{test}-{step:00}-{name}";
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ShotsFolder, $"{file}-1280.png"), FullPage = true });
        await page.SetViewportSizeAsync(320, 640);
        var sideways = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ShotsFolder, $"{file}-320.png"), FullPage = true });
        await page.SetViewportSizeAsync(1280, 900);
        Assert.False(sideways, $"At 320 px step '{name}' of {test} scrolls sideways.");
    }

    public async ValueTask DisposeAsync() => await context.DisposeAsync();
}
