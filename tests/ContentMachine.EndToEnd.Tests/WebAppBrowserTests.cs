using System.IO.Compression;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace ContentMachine.EndToEnd.Tests;

/// <summary>The gateway's web app in a real browser, against the whole stack: a video is made from the form (with an
/// uploaded image), followed live to rendered, played, found by search, exported for TikTok and downloaded, and the
/// pages fit a phone. Screenshots are kept as test artifacts (the README shows the project page).</summary>
[Collection(StackCollection.Name)]
public partial class WebAppBrowserTests(StackFixture fixture, ITestOutputHelper output)
{
    private const string Topic = "Why lighthouses flash in patterns";
    private static readonly float RenderTimeoutMs = (float)TimeSpan.FromMinutes(4).TotalMilliseconds;

    [Fact]
    public async Task A_video_made_in_the_web_app_renders_plays_is_found_exported_and_fits_a_phone()
    {
        var folder = Directory.CreateTempSubdirectory("e2e-webapp-").FullName;
        await using var browser = await HeadlessBrowser.LaunchAsync();
        try
        {
            var page = await OpenAsync(browser, 1400, 900, "/");
            await page.Locator("h1", new() { HasTextString = "Projects" }).WaitForAsync();

            var id = await CreateFromTheFormAsync(page, folder);
            await FollowToRenderedAsync(page);
            var (start, end) = await PlayAsync(page);
            output.WriteLine($"video currentTime: {start:F2} s, then {end:F2} s after 2.5 s of play()");
            end.Should().BeGreaterThan(start + 0.5, "the video plays (currentTime {0:F2} s -> {1:F2} s)", start, end);

            await page.Locator("nav a[data-page='search']").ClickAsync();
            await page.Locator("#search-q").FillAsync("lighthouse flashing patterns");
            await page.Locator("#search-q").PressAsync("Enter");
            var result = page.Locator($"#results li[data-result='{id}']");
            await result.WaitForAsync();
            await HeadlessBrowser.ScreenshotAsync(page, "webapp-search");

            await result.Locator("a").ClickAsync();
            await page.WaitForURLAsync($"**/projects/{id}");
            await PublishAndDownloadAsync(page, folder);
            await HeadlessBrowser.ScreenshotAsync(page, "webapp-project");
            (await page.Locator("main").InnerTextAsync()).Should().NotMatchRegex(@"\b(null|undefined|NaN)\b", "absent values are left out, not printed");

            foreach (var path in new[] { $"/projects/{id}", "/new", "/projects", "/search?q=lighthouse" })
            {
                var phone = await OpenAsync(browser, 390, 844, path);
                await phone.Locator("main h1").First.WaitForAsync();
                if (path.StartsWith("/projects/", StringComparison.Ordinal))
                    await phone.WaitForFunctionAsync("() => document.querySelector('#player') && document.querySelector('.cover img')?.complete");
                if (path.StartsWith("/search", StringComparison.Ordinal)) await phone.Locator($"#results li[data-result='{id}']").WaitForAsync();
                var widths = await phone.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
                widths[0].Should().BeLessThanOrEqualTo(widths[1], $"{path} fits a 390 px wide phone without scrolling sideways");
                if (path.StartsWith("/projects/", StringComparison.Ordinal)) await HeadlessBrowser.ScreenshotAsync(phone, "webapp-phone-project", fullPage: true);
                await phone.CloseAsync();
            }
            browser.Errors.Should().BeEmpty();
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task A_pasted_key_goes_with_every_request_and_refusals_say_what_to_do()
    {
        await using var browser = await HeadlessBrowser.LaunchAsync();
        var page = await browser.NewPageAsync(390, 844);
        var keysSent = new List<string?>();
        int? fake = null; // an answer the gateway cannot be made to give on demand (429)
        await page.RouteAsync("**/api/projects?*", async route =>
        {
            keysSent.Add(route.Request.Headers.TryGetValue("x-api-key", out var key) ? key : null);
            if (fake is null) await route.ContinueAsync();
            else await route.FulfillAsync(new() { Status = fake, Headers = new Dictionary<string, string> { ["Retry-After"] = "7" }, Body = "" });
        });
        var askedForKey = page.Locator("#problem", new() { HasTextString = "Paste a key with the right scope" });

        await page.GotoAsync(new Uri(fixture.Stack.GatewayUrl, "/projects").AbsoluteUri);
        await askedForKey.WaitForAsync(); // the gateway's real 401 without a key
        (await page.Locator("#settings").IsVisibleAsync()).Should().BeTrue("the key box opens to take a key");

        await page.Locator("#api-key").FillAsync("cm_0123456789ab_" + new string('0', 64));
        await page.Locator("#key-form button[type=submit]").ClickAsync();
        await askedForKey.WaitForAsync(); // an unknown key: 401 again
        if (await page.Locator("#settings").IsHiddenAsync()) await page.Locator("#key-toggle").ClickAsync();
        await page.Locator("#api-key").FillAsync(fixture.ApiKey);
        await page.Locator("#key-form button[type=submit]").ClickAsync();
        await page.Locator("#problem").WaitForAsync(new() { State = WaitForSelectorState.Hidden });
        keysSent.Should().StartWith([null]).And.EndWith(fixture.ApiKey);
        var cookie = (await page.Context.CookiesAsync()).Should().ContainSingle(c => c.Name == "cm_api_key").Subject;
        cookie.Value.Should().Be(fixture.ApiKey);
        cookie.Path.Should().Be("/api", "only API requests carry it (for the player, images and downloads)");
        cookie.SameSite.Should().Be(SameSiteAttribute.Strict);

        fake = 429;
        await page.Locator("nav a[data-page='projects']").ClickAsync();
        await page.Locator("#problem", new() { HasTextString = "Wait 7 s" }).WaitForAsync();

        fake = null;
        if (await page.Locator("#settings").IsHiddenAsync()) await page.Locator("#key-toggle").ClickAsync();
        await page.Locator("#key-forget").ClickAsync();
        await page.Locator("nav a[data-page='projects']").ClickAsync();
        await askedForKey.WaitForAsync();
        keysSent[^1].Should().BeNull("a forgotten key is no longer sent");
        (await page.Context.CookiesAsync()).Should().NotContain(c => c.Name == "cm_api_key");
        browser.Errors.Should().BeEmpty();
    }

    [Fact]
    public async Task Batch_mode_sends_one_topic_per_line_to_the_batch_endpoint()
    {
        await using var browser = await HeadlessBrowser.LaunchAsync();
        var page = await browser.NewPageAsync(390, 844);
        string? sent = null;
        Guid[] ids = [Guid.CreateVersion7(), Guid.CreateVersion7()];
        // Answered here: the real endpoint would queue two renders that the other tests would wait behind.
        await page.RouteAsync("**/api/projects/batch", route =>
        {
            sent = route.Request.PostData;
            return route.FulfillAsync(new() { Status = 202, ContentType = "application/json", Body = JsonSerializer.Serialize(new { ids }) });
        });
        await page.GotoAsync(new Uri(fixture.Stack.GatewayUrl, "/new").AbsoluteUri);

        await page.Locator("#batch").CheckAsync();
        (await page.Locator("#topic").IsHiddenAsync()).Should().BeTrue();
        await page.Locator("#topics").FillAsync("Five facts about bees\n\n  Cats versus dogs  \n");
        await page.Locator("#duration").FillAsync("30");
        await page.Locator("#create").ClickAsync();
        await page.Locator("h1", new() { HasTextString = "2 videos queued" }).WaitForAsync();

        var body = JsonDocument.Parse(sent!).RootElement;
        body.GetProperty("topics").EnumerateArray().Select(t => t.GetString()).Should().Equal("Five facts about bees", "Cats versus dogs");
        body.GetProperty("options").GetProperty("durationSeconds").GetInt32().Should().Be(30);
        (await page.Locator($"main a[href='/projects/{ids[1]}']").InnerTextAsync()).Should().Be("Cats versus dogs");
        browser.Errors.Should().BeEmpty();
    }

    /// <summary>A page of its own browser context holding the API key as the settings box saves it (pasting it is the key
    /// test's part), there before the app's first request. Console errors (a content-policy violation, a failed load)
    /// fail the test like script errors.</summary>
    private async Task<IPage> OpenAsync(HeadlessBrowser browser, int width, int height, string path)
    {
        var page = await browser.NewPageAsync(width, height);
        page.Console += (_, message) =>
        {
            if (message.Type == "error") browser.Errors.Add($"console: {message.Text}");
        };
        await page.AddInitScriptAsync($"localStorage.setItem('contentmachine.apiKey', {JsonSerializer.Serialize(fixture.ApiKey)})");
        await page.GotoAsync(new Uri(fixture.Stack.GatewayUrl, path).AbsoluteUri);
        return page;
    }

    private static async Task<Guid> CreateFromTheFormAsync(IPage page, string folder)
    {
        await page.Locator("nav a[data-page='new']").ClickAsync();
        await page.Locator("#topic").FillAsync(Topic);
        await page.Locator("#archetype").SelectOptionAsync("myth");
        await page.Locator("#duration").FillAsync("15");
        await page.Locator("#voice").SelectOptionAsync("en-gb-female");
        await page.Locator("#visual-style").SelectOptionAsync("pastel");
        var image = Path.Combine(folder, "sea.png");
        await MediaTools.RunAsync("ffmpeg", ["-v", "error", "-f", "lavfi", "-i", "color=c=0x1F6FB2:s=540x960", "-frames:v", "1", image]);
        await page.Locator("#media").SetInputFilesAsync(image);
        await page.Locator(".uploads li[data-upload]").WaitForAsync();
        await HeadlessBrowser.ScreenshotAsync(page, "webapp-new", fullPage: true);

        await page.Locator("#create").ClickAsync();
        await page.WaitForURLAsync(ProjectAddress());
        return Guid.Parse(ProjectAddress().Match(page.Url).Groups[1].Value);
    }

    /// <summary>The stage list changes in place as the stream reports (no reload), until the status is rendered.</summary>
    private static async Task FollowToRenderedAsync(IPage page)
    {
        var stages = page.Locator("#stages li");
        await page.Locator("#stages li[data-stage='render'][data-status='running']").WaitForAsync(new() { Timeout = RenderTimeoutMs });
        await page.Locator("#stages li[data-stage='store'][data-status='completed']").WaitForAsync(new() { Timeout = RenderTimeoutMs });
        (await stages.CountAsync()).Should().Be(StackFixture.Stages.Length);
        (await page.Locator("#stages li[data-status='completed']").CountAsync()).Should().Be(StackFixture.Stages.Length);
    }

    /// <summary>Plays the rendered MP4 (muted, as autoplay policies require without a gesture): its time must advance.</summary>
    private static async Task<(double Start, double End)> PlayAsync(IPage page)
    {
        await page.Locator(".project-head .badge[data-status='rendered']").WaitForAsync();
        var played = await page.EvaluateAsync<JsonElement>("""
            async () => {
              const v = document.querySelector('#player');
              v.muted = true;
              try { await v.play(); } catch (e) {
                return { error: String(e), mediaError: v.error && v.error.code, canPlay: v.canPlayType('video/mp4; codecs="avc1.640028, mp4a.40.2"') };
              }
              const start = v.currentTime;
              await new Promise(r => setTimeout(r, 2500));
              v.pause();
              return { start, end: v.currentTime };
            }
            """);
        played.TryGetProperty("error", out var error).Should().BeFalse($"the browser plays the video: {played}");
        return (played.GetProperty("start").GetDouble(), played.GetProperty("end").GetDouble());
    }

    private static async Task PublishAndDownloadAsync(IPage page, string folder)
    {
        await page.Locator("#publish input[value='tiktok']").CheckAsync();
        await page.Locator("#publish button[type=submit]").ClickAsync();
        var package = page.Locator("#publications li[data-platform='tiktok'] a[data-package='tiktok']");
        await package.WaitForAsync(new() { Timeout = RenderTimeoutMs });
        (await page.Locator("#publications li[data-platform='tiktok'] .badge").InnerTextAsync()).Should().Be("exported");

        var download = await page.RunAndWaitForDownloadAsync(() => package.ClickAsync());
        var zipPath = Path.Combine(folder, "tiktok.zip");
        await download.SaveAsAsync(zipPath);
        using var zip = ZipFile.OpenRead(zipPath);
        zip.GetEntry("video.mp4").Should().NotBeNull("the package carries the video");
        zip.GetEntry("video.mp4")!.Length.Should().BeGreaterThan(50_000);
    }

    [GeneratedRegex(@"/projects/([0-9a-f-]{36})$")]
    private static partial Regex ProjectAddress();
}
