namespace ContentMachine.Gateway.Tests;

/// <summary>Browser-facing limits: security headers on the gateway's own pages, CORS for configured origins only.</summary>
[Collection(RedisCollection.Name)]
public sealed class LimitsTests(RedisFixture redis) : IAsyncLifetime
{
    private const string AllowedOrigin = "https://app.example";
    private RunningGateway _gateway = null!;

    private HttpClient Client => _gateway.Admin;

    public async Task InitializeAsync() => _gateway = await RunningGateway.StartAsync(redis, c => c["Gateway:Cors:Origins:0"] = AllowedOrigin);

    public async Task DisposeAsync() => await _gateway.DisposeAsync();

    [Theory]
    [InlineData("/")]
    [InlineData("/swagger/index.html")]
    [InlineData("/swagger/index.js")]
    public async Task The_gateways_own_pages_carry_the_security_headers(string path)
    {
        var response = await Client.GetAsync(path);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        csp.Should().StartWith("default-src 'self'").And.Contain("frame-ancestors 'none'");
        response.Headers.GetValues("X-Content-Type-Options").Single().Should().Be("nosniff");
        response.Headers.GetValues("X-Frame-Options").Single().Should().Be("DENY");
        response.Headers.GetValues("Referrer-Policy").Single().Should().Be("no-referrer");
    }

    [Fact]
    public async Task A_configured_origin_passes_the_preflight_without_a_key_and_reads_the_rate_limit_headers()
    {
        using var anonymous = _gateway.Factory.Client();
        using var preflight = new HttpRequestMessage(HttpMethod.Options, "/api/projects");
        preflight.Headers.Add("Origin", AllowedOrigin);
        preflight.Headers.Add("Access-Control-Request-Method", "POST");
        preflight.Headers.Add("Access-Control-Request-Headers", "x-api-key,content-type");
        using var get = new HttpRequestMessage(HttpMethod.Get, "/api/projects");
        get.Headers.Add("Origin", AllowedOrigin);

        var allowed = await anonymous.SendAsync(preflight);
        var actual = await Client.SendAsync(get);

        allowed.StatusCode.Should().Be(HttpStatusCode.NoContent);
        allowed.Headers.GetValues("Access-Control-Allow-Origin").Single().Should().Be(AllowedOrigin);
        allowed.Headers.GetValues("Access-Control-Allow-Headers").Single().Should().Contain("x-api-key");
        actual.Headers.GetValues("Access-Control-Allow-Origin").Single().Should().Be(AllowedOrigin);
        actual.Headers.GetValues("Access-Control-Expose-Headers").Single().Should().Contain("RateLimit-Remaining");
    }

    [Fact]
    public async Task A_json_call_that_outlasts_its_timeout_is_a_504_problem()
    {
        await using var gateway = await RunningGateway.StartAsync(redis, c => c["Gateway:ApiTimeout"] = "00:00:00.5");

        var response = await gateway.Admin.GetAsync("/api/search/hang");

        response.StatusCode.Should().Be(HttpStatusCode.GatewayTimeout, await response.Content.ReadAsStringAsync());
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
    }

    [Fact]
    public async Task Another_origin_gets_no_cors_headers()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/projects");
        request.Headers.Add("Origin", "https://evil.example");

        var response = await Client.SendAsync(request);

        response.Headers.Contains("Access-Control-Allow-Origin").Should().BeFalse();
    }
}
