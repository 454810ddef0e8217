using System.Text.Json;
using ContentMachine.ServiceDefaults.ObjectStorage;
using ContentMachine.ServiceDefaults.Redis;

namespace ContentMachine.ServiceDefaults.Tests;

public class HealthTests
{
    [Fact]
    public async Task A_dependency_on_a_dead_port_makes_health_503_naming_that_check()
    {
        var deadPort = AppHost.Hosting.PortAllocator.FreePort();
        await using var app = await TestApp.StartAsync(
            configuration: new()
            {
                ["ConnectionStrings:redis"] = $"127.0.0.1:{deadPort},password=not-shown",
                ["ConnectionStrings:objects"] = $"Endpoint=http://127.0.0.1:{deadPort};AccessKey=a;SecretKey=also-not-shown;Region=us-east-1",
            },
            configure: b =>
            {
                b.AddRedisClient("redis");
                b.AddS3Client("objects");
            });

        var response = await app.Client.GetAsync("/health");
        var body = await response.Content.ReadAsStringAsync();

        response.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        var checks = JsonDocument.Parse(body).RootElement.GetProperty("checks").EnumerateArray()
            .ToDictionary(c => c.GetProperty("name").GetString()!, c => c.GetProperty("status").GetString());
        checks.Should().Contain("redis", "Unhealthy").And.Contain("objects", "Unhealthy").And.Contain("self", "Healthy");
        body.Should().NotContain("not-shown").And.NotContain("also-not-shown");
        JsonDocument.Parse(body).RootElement.GetProperty("status").GetString().Should().Be("Unhealthy");
    }

    [Fact]
    public async Task Alive_checks_only_the_process()
    {
        await using var app = await TestApp.StartAsync(
            configuration: new() { ["ConnectionStrings:redis"] = $"127.0.0.1:{AppHost.Hosting.PortAllocator.FreePort()}" },
            configure: b => b.AddRedisClient("redis"));

        var response = await app.Client.GetAsync("/alive");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).Should().Contain("\"self\"").And.NotContain("redis");
    }

    [Fact]
    public async Task Health_is_200_json_when_every_check_passes()
    {
        await using var app = await TestApp.StartAsync();

        var response = await app.Client.GetAsync("/health");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/json");
        var root = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        root.GetProperty("status").GetString().Should().Be("Healthy");
        root.GetProperty("service").GetString().Should().Be("tests");
    }
}
