using System.Net;
using System.Text.RegularExpressions;

namespace ContentMachine.AppHost.Telemetry.Tests;

/// <summary>The dashboard's front end: one page for every address, its own script and style sheet, nothing fetched from
/// elsewhere, and headers that keep it that way.</summary>
public sealed partial class DashboardPagesTests : IAsyncLifetime
{
    private RunningTelemetry _telemetry = null!;

    public async Task InitializeAsync() => _telemetry = await RunningTelemetry.StartAsync();
    public async Task DisposeAsync() => await _telemetry.DisposeAsync();

    [Theory]
    [InlineData("/")]
    [InlineData("/resources")]
    [InlineData("/console")]
    [InlineData("/console/redis")]
    [InlineData("/logs?level=Warning")]
    [InlineData("/traces")]
    [InlineData("/traces/0af7651916cd43dd8448eb211c80319c")]
    [InlineData("/metrics")]
    public async Task Every_page_address_serves_the_front_end_with_a_strict_content_policy(string path)
    {
        using var client = _telemetry.DashboardClient();
        using var response = await client.GetAsync(path);
        var html = await response.Content.ReadAsStringAsync();

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/html");
        html.Should().Contain("<script src=\"/dom.js\"").And.Contain("<script src=\"/app.js\"").And.Contain("href=\"/app.css\"");
        response.Headers.GetValues("Content-Security-Policy").Single().Should().Contain("default-src 'self'").And.Contain("frame-ancestors 'none'");
        response.Headers.GetValues("X-Content-Type-Options").Single().Should().Be("nosniff");
        response.Headers.GetValues("X-Frame-Options").Single().Should().Be("DENY");
    }

    [Fact]
    public async Task The_script_and_style_sheet_are_served_and_refer_to_nothing_outside_the_dashboard()
    {
        using var client = _telemetry.DashboardClient();
        using var script = await client.GetAsync("/app.js");
        using var dom = await client.GetAsync("/dom.js");
        using var style = await client.GetAsync("/app.css");
        var texts = new[]
        {
            await client.GetStringAsync("/"), await script.Content.ReadAsStringAsync(), await style.Content.ReadAsStringAsync(),
            await dom.Content.ReadAsStringAsync(),
        };

        script.Content.Headers.ContentType!.MediaType.Should().Be("text/javascript");
        style.Content.Headers.ContentType!.MediaType.Should().Be("text/css");
        texts[1].Should().Contain("function tracePage").And.Contain("EventSource");
        dom.Content.Headers.ContentType!.MediaType.Should().Be("text/javascript");
        texts[3].Should().Contain("function h(", "the DOM helper the web app shares");
        // The only absolute URL is SVG's namespace name, which is never fetched.
        texts.SelectMany(t => AbsoluteUrl().Matches(t)).Select(m => m.Value).Distinct().Should().BeEquivalentTo("http://www.w3.org/2000/svg");
    }

    [Fact]
    public async Task Pages_need_the_login_token_too()
    {
        using var anonymous = new HttpClient { BaseAddress = _telemetry.Endpoints.DashboardUrl };
        (await anonymous.GetAsync("/traces")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await anonymous.GetAsync("/app.js")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [GeneratedRegex(@"[a-z]+://[^\s""'`)]+")]
    private static partial Regex AbsoluteUrl();
}
