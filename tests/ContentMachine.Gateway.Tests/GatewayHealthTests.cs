namespace ContentMachine.Gateway.Tests;

[Collection(RedisCollection.Name)]
public class GatewayHealthTests(RedisFixture redis)
{
    private readonly string _adminKey = TestKeys.NewKey();

    [Fact]
    public async Task A_service_that_is_down_makes_health_503_and_is_named()
    {
        await using var services = await FakeServices.StartAsync(pipelineReplicas: 1);
        var configuration = TestKeys.Configuration(services, redis.ConnectionString, _adminKey);
        configuration["services:projects:http:0"] = $"http://127.0.0.1:{AppHost.Hosting.PortAllocator.FreePort()}";
        await using var gateway = new GatewayFactory(configuration);
        using var client = gateway.CreateKestrelClient();

        var response = await client.GetAsync("/health");
        var checks = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("checks").EnumerateArray()
            .ToDictionary(c => c.GetProperty("name").GetString()!, c => c.GetProperty("status").GetString());

        response.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        checks["projects"].Should().Be("Unhealthy");
        checks.Where(c => c.Key is "pipeline" or "storage" or "search" or "publishing").Should().OnlyContain(c => c.Value == "Healthy");
    }

    [Fact]
    public async Task A_service_with_no_configured_replica_is_reported_unhealthy()
    {
        await using var services = await FakeServices.StartAsync(pipelineReplicas: 1);
        var configuration = TestKeys.Configuration(services, redis.ConnectionString, _adminKey);
        configuration.Remove("services:search:http:0");
        await using var gateway = new GatewayFactory(configuration);
        using var client = gateway.CreateKestrelClient();

        var response = await client.GetAsync("/health");
        var body = await response.Content.ReadAsStringAsync();

        response.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        body.Should().Contain("services__search__http__0");
    }
}
