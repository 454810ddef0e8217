using Microsoft.Playwright;

namespace ContentMachine.EndToEnd.Tests;

/// <summary>The dashboard in a real browser: log in with the printed token, find the project's trace, open its waterfall.
/// Screenshots are kept as test artifacts (the README shows them).</summary>
[Collection(StackCollection.Name)]
public class DashboardBrowserTests(StackFixture fixture)
{
    [Fact]
    public async Task The_traces_page_opens_a_projects_trace_as_a_waterfall_across_services()
    {
        var traceId = await fixture.TracedProjectAsync();
        var endpoints = fixture.Stack.Telemetry.Endpoints;
        await using var browser = await HeadlessBrowser.LaunchAsync();
        var page = await browser.NewPageAsync();

        // Filtered to long traces, as one looks for a project among the many short requests of the run.
        await page.GotoAsync(new Uri(endpoints.DashboardUrl, $"traces?minDurationMs=5000&t={endpoints.LoginToken}").AbsoluteUri);
        page.Url.Should().Be(new Uri(endpoints.DashboardUrl, "traces?minDurationMs=5000").AbsoluteUri, "the token is traded for a cookie and leaves the address");
        var row = page.Locator($"tr[data-trace='{traceId}']");
        await row.WaitForAsync();
        (await row.InnerTextAsync()).Should().Contain("gateway").And.Contain("projects").And.Contain("pipeline");
        await HeadlessBrowser.ScreenshotAsync(page, "dashboard-traces");

        await row.ClickAsync();
        await page.WaitForURLAsync($"**/traces/{traceId}");
        var render = page.Locator(".wf-row[data-name='pipeline.render']");
        await render.WaitForAsync();
        await HeadlessBrowser.ScreenshotAsync(page, "dashboard-trace-waterfall");
        var all = await page.Locator(".wf-row").CountAsync();
        var shown = await page.Locator(".wf-row:visible").CountAsync();
        shown.Should().BeLessThan(all, "database commands are hidden until asked for");
        await page.Locator(".wf-row:visible .caret", new() { HasTextString = "▾" }).First.ClickAsync();
        (await page.Locator(".wf-row:visible").CountAsync()).Should().BeLessThan(5, "collapsing the root hides the trace below it");
        await page.Locator(".wf-row:visible .caret").First.ClickAsync();
        (await page.Locator(".wf-row:visible").CountAsync()).Should().Be(shown);
        var labels = await page.Locator(".wf-row:visible .wf-label").AllInnerTextsAsync();
        labels.Should().Contain(l => l.Contains("gateway") && l.Contains("POST"));
        labels.Should().Contain(l => l.Contains("projects") && l.Contains("POST"));
        foreach (var stage in StackFixture.Stages) labels.Should().Contain(l => l.Contains($"pipeline.{stage}"));
        var bar = (await render.Locator(".wf-bar").BoundingBoxAsync())!;
        var track = (await render.Locator(".wf-track").BoundingBoxAsync())!;
        bar.Width.Should().BeGreaterThan(track.Width / 10, "rendering is a large part of the project's life");
        (bar.X + bar.Width).Should().BeLessThanOrEqualTo(track.X + track.Width + 1);

        await render.ClickAsync();
        var detail = page.Locator(".wf-detail:visible");
        (await detail.InnerTextAsync()).Should().Contain("pipeline-").And.Contain("span id");
        await HeadlessBrowser.ScreenshotAsync(page, "dashboard-trace-span");
        browser.Errors.Should().BeEmpty();
    }

    [Fact]
    public async Task The_resources_and_metrics_pages_show_the_running_stack()
    {
        await fixture.TracedProjectAsync();
        var endpoints = fixture.Stack.Telemetry.Endpoints;
        await using var browser = await HeadlessBrowser.LaunchAsync();
        var page = await browser.NewPageAsync();

        await page.GotoAsync(endpoints.LoginUrl.AbsoluteUri);
        await page.Locator("tr[data-resource='gateway']").WaitForAsync();
        var resources = await page.Locator("tr[data-resource]").CountAsync();
        resources.Should().Be(fixture.Stack.Snapshots().Count);
        (await page.Locator("tr[data-resource='pipeline-1'] .badge").InnerTextAsync()).Should().Be("Running");
        await HeadlessBrowser.ScreenshotAsync(page, "dashboard-resources");

        await page.Locator("nav a[data-page='metrics']").ClickAsync();
        await page.Locator("tr[data-stage='pipeline.render']").WaitForAsync();
        await page.Locator("tr[data-queue='pipeline-work']").WaitForAsync();
        await page.Locator(".card[data-service='gateway']").WaitForAsync();
        await HeadlessBrowser.ScreenshotAsync(page, "dashboard-metrics", fullPage: true);

        await page.Locator("nav a[data-page='console']").ClickAsync();
        await page.Locator("pre.console div").First.WaitForAsync();
        (await page.Locator("pre.console").InnerTextAsync()).Should().Contain("receiving OTLP at");
        browser.Errors.Should().BeEmpty();
    }
}
