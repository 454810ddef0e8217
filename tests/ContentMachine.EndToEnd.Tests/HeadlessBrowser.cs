using Microsoft.Playwright;

namespace ContentMachine.EndToEnd.Tests;

/// <summary>Debian's Chromium driven by Playwright (no browser download: <c>ExecutablePath</c>), and the folder where
/// browser tests leave their screenshots (CM_TEST_ARTIFACTS, or artifacts/screenshots in the repository).</summary>
public sealed class HeadlessBrowser : IAsyncDisposable
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private readonly IPlaywright _playwright;

    private HeadlessBrowser(IPlaywright playwright, IBrowser browser) => (_playwright, Browser) = (playwright, browser);

    public IBrowser Browser { get; }

    public static async Task<HeadlessBrowser> LaunchAsync()
    {
        if (!File.Exists(ChromiumPath))
            throw new InvalidOperationException($"{ChromiumPath} is missing: run scripts/bootstrap.sh (it installs Debian's chromium).");
        var playwright = await Playwright.CreateAsync();
        try
        {
            // --no-sandbox: CI runs as root, where Chromium's sandbox refuses to start.
            var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = ChromiumPath, Headless = true, Args = ["--no-sandbox"] });
            return new HeadlessBrowser(playwright, browser);
        }
        catch
        {
            playwright.Dispose();
            throw;
        }
    }

    /// <summary>A page of a phone-sized or desktop viewport that fails the test on a script error.</summary>
    public async Task<IPage> NewPageAsync(int width = 1400, int height = 900)
    {
        var page = await Browser.NewPageAsync(new() { ViewportSize = new() { Width = width, Height = height } });
        page.PageError += (_, error) => Errors.Add(error);
        return page;
    }

    /// <summary>Uncaught script errors of every page opened here.</summary>
    public List<string> Errors { get; } = [];

    public static async Task<string> ScreenshotAsync(IPage page, string name, bool fullPage = false)
    {
        var folder = Environment.GetEnvironmentVariable("CM_TEST_ARTIFACTS") is { Length: > 0 } configured
            ? configured
            : Path.Combine(RepositoryLayout.Discover(null).Root, "artifacts", "screenshots");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, $"{name}.png");
        await page.ScreenshotAsync(new() { Path = path, FullPage = fullPage });
        return path;
    }

    public async ValueTask DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright.Dispose();
    }
}
