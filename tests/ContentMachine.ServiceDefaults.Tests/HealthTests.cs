using System.Text.Json;
using ContentMachine.ServiceDefaults.ObjectStorage;
using ContentMachine.ServiceDefaults.Redis;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

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
    public async Task A_dependency_going_down_is_logged_once_not_at_every_probe()
    {
        var logs = new CapturedLogs();
        var published = new SemaphoreSlim(0);
        await using var app = await TestApp.StartAsync(
            configuration: new() { ["ConnectionStrings:redis"] = $"127.0.0.1:{AppHost.Hosting.PortAllocator.FreePort()}" },
            configure: b =>
            {
                b.AddRedisClient("redis");
                b.Logging.AddProvider(logs);
                b.Services.Configure<Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckPublisherOptions>(o =>
                {
                    o.Delay = TimeSpan.FromMilliseconds(50);
                    o.Period = TimeSpan.FromSeconds(1);
                });
                b.Services.AddSingleton<Microsoft.Extensions.Diagnostics.HealthChecks.IHealthCheckPublisher>(new SignalPublisher(published));
            });

        for (var i = 0; i < 3; i++) (await app.Client.GetAsync("/health")).StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        for (var i = 0; i < 3; i++) (await published.WaitAsync(TimeSpan.FromSeconds(20))).Should().BeTrue("the publisher runs periodically");

        logs.Entries.Where(l => l.Message.StartsWith("Dependency redis is Unhealthy")).Should().ContainSingle();
        logs.Entries.Should().NotContain(l => l.Category.Contains("DefaultHealthCheckService"));
    }

    private sealed class SignalPublisher(SemaphoreSlim signal) : Microsoft.Extensions.Diagnostics.HealthChecks.IHealthCheckPublisher
    {
        public Task PublishAsync(Microsoft.Extensions.Diagnostics.HealthChecks.HealthReport report, CancellationToken cancellationToken)
        {
            signal.Release();
            return Task.CompletedTask;
        }
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
