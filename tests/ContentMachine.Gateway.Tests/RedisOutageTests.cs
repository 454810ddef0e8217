using ContentMachine.AppHost.Hosting;

namespace ContentMachine.Gateway.Tests;

/// <summary>Redis stopped under two gateways: the one that fails open lets keyed requests through and reports Redis
/// Degraded; the one that fails closed refuses them with 503 and reports Redis Unhealthy. Keys given in configuration
/// keep working either way. Redis of its own, since the test stops it.</summary>
public sealed class RedisOutageTests : IAsyncLifetime
{
    private readonly string _key = TestKeys.NewKey();
    private DistributedStack _redis = null!;
    private FakeServices _services = null!;

    public async Task InitializeAsync()
    {
        _redis = new DistributedStack(TestStacks.Options("gateway-redis-outage", only: ["redis"]));
        await _redis.StartAsync();
        _services = await FakeServices.StartAsync(pipelineReplicas: 1);
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await TestStacks.DisposeAndDeleteAsync(_redis);
    }

    [Fact]
    public async Task Fail_open_serves_and_reports_degraded_while_fail_closed_refuses_with_503_and_reports_unhealthy()
    {
        await using var open = new GatewayFactory(TestKeys.Configuration(_services, _redis.ConnectionString("redis"), _key, ("Gateway:RateLimits:FailOpen", "true")));
        await using var closed = new GatewayFactory(TestKeys.Configuration(_services, _redis.ConnectionString("redis"), _key, ("Gateway:RateLimits:FailOpen", "false")));
        using var openClient = open.CreateKestrelClient(_key);
        using var closedClient = closed.CreateKestrelClient(_key);
        (await openClient.GetAsync("/api/projects")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await closedClient.GetAsync("/api/projects")).StatusCode.Should().Be(HttpStatusCode.OK);

        await _redis.StopResourceAsync("redis");
        var openResponse = await openClient.GetAsync("/api/projects");
        var closedResponse = await closedClient.GetAsync("/api/projects");
        var (openHealth, openRedis) = await RedisHealthAsync(openClient);
        var (closedHealth, closedRedis) = await RedisHealthAsync(closedClient);

        openResponse.StatusCode.Should().Be(HttpStatusCode.OK);
        openResponse.Headers.Contains("RateLimit-Remaining").Should().BeFalse("nothing was counted");
        closedResponse.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        closedResponse.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        closedResponse.Headers.RetryAfter.Should().NotBeNull();
        openHealth.Should().Be(HttpStatusCode.OK);
        openRedis.Should().Be("Degraded");
        closedHealth.Should().Be(HttpStatusCode.ServiceUnavailable);
        closedRedis.Should().Be("Unhealthy");
    }

    private static async Task<(HttpStatusCode Status, string? Redis)> RedisHealthAsync(HttpClient client)
    {
        var response = await client.GetAsync("/health");
        var checks = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("checks").EnumerateArray();
        return (response.StatusCode, checks.Single(c => c.GetProperty("name").GetString() == "redis").GetProperty("status").GetString());
    }
}
