using System.Net.Http.Json;
using System.Text.RegularExpressions;

namespace ContentMachine.Gateway.Tests;

/// <summary>The web app the gateway serves at <c>/</c>: one page for every page address, its own script, style sheet and
/// icon, nothing fetched from elsewhere (it must work offline), and the API, Swagger and health routes untouched.</summary>
[Collection(RedisCollection.Name)]
public sealed partial class WebAppTests(RedisFixture redis) : IAsyncLifetime
{
    private const string ProjectId = "0196a4b2-1111-7000-8000-000000000000";
    private RunningGateway _running = null!;

    /// <summary>Sends the admin key, as the web app does once one is pasted (the pages themselves need none).</summary>
    private HttpClient Client => _running.Admin;

    public async Task InitializeAsync() => _running = await RunningGateway.StartAsync(redis);
    public async Task DisposeAsync() => await _running.DisposeAsync();

    [Theory]
    [InlineData("/")]
    [InlineData("/projects")]
    [InlineData("/projects?status=running,failed&q=owls")]
    [InlineData($"/projects/{ProjectId}")]
    [InlineData("/new")]
    [InlineData("/search?q=octopus")]
    public async Task Every_page_address_serves_the_app_with_a_content_policy_allowing_only_its_own_files(string path)
    {
        using var response = await Client.GetAsync(path);
        var html = await response.Content.ReadAsStringAsync();

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.ToString().Should().Be("text/html; charset=utf-8");
        html.Should().Contain("<script src=\"/app.js\" defer>").And.Contain("href=\"/app.css\"").And.Contain("id=\"api-key\"");
        var policy = response.Headers.GetValues("Content-Security-Policy").Single();
        policy.Should().Contain("default-src 'self'").And.Contain("media-src 'self' blob:").And.Contain("img-src 'self' data: blob:")
            .And.Contain("script-src 'self';").And.NotContain("unsafe-inline");
        response.Headers.GetValues("X-Content-Type-Options").Single().Should().Be("nosniff");
    }

    [Fact]
    public async Task The_pages_open_without_a_key_while_the_api_behind_them_asks_for_one()
    {
        using var anonymous = _running.Factory.Client();

        (await anonymous.GetAsync("/new")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await anonymous.GetAsync("/app.js")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await anonymous.GetAsync("/api/projects")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData("/dom.js", "text/javascript")]
    [InlineData("/app.js", "text/javascript")]
    [InlineData("/app.css", "text/css")]
    [InlineData("/icon.svg", "image/svg+xml")]
    public async Task The_assets_are_served_with_their_content_types(string path, string mediaType)
    {
        using var response = await Client.GetAsync(path);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be(mediaType);
        (await response.Content.ReadAsByteArrayAsync()).Should().NotBeEmpty();
        response.Headers.GetValues("Content-Security-Policy").Should().ContainSingle();
    }

    [Fact]
    public async Task Nothing_in_the_app_refers_to_an_address_outside_the_gateway()
    {
        var texts = new List<string>();
        foreach (var path in new[] { "/", "/app.js", "/app.css", "/icon.svg", "/dom.js" }) texts.Add(await Client.GetStringAsync(path));

        texts[1].Should().Contain("X-Api-Key").And.Contain("cm_api_key=").And.Contain("/api/projects/${id}/events");
        // The only absolute URL is SVG's namespace name, which is never fetched.
        texts.SelectMany(t => AbsoluteUrl().Matches(t)).Select(m => m.Value).Distinct().Should().BeEquivalentTo("http://www.w3.org/2000/svg");
        texts.Should().NotContain(t => t.Contains("//cdn", StringComparison.OrdinalIgnoreCase) || t.Contains("src=\"//", StringComparison.Ordinal));
        texts[0].Should().NotContain("<script>").And.NotContain(" style=", "the content policy allows no inline script or style");
    }

    [Theory]
    [InlineData("/app.js.map")]
    [InlineData("/projects/not-a-project-id")]
    [InlineData("/index.html")]
    public async Task Other_addresses_are_not_the_app(string path)
    {
        (await Client.GetAsync(path)).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_api_swagger_and_health_routes_still_reach_what_they_did()
    {
        var echo = await Client.GetFromJsonAsync<Echo>($"/api/projects/{ProjectId}");
        var search = await Client.GetFromJsonAsync<Echo>("/api/search?q=octopus");

        echo!.Service.Should().Be("projects");
        echo.Path.Should().Be($"/api/projects/{ProjectId}");
        search!.Service.Should().Be("search");
        (await Client.GetAsync("/swagger/index.html")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await Client.GetAsync("/health")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [GeneratedRegex(@"[a-z]+://[^\s""'`)]+")]
    private static partial Regex AbsoluteUrl();
}
