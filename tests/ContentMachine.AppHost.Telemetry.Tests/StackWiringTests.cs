using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;

namespace ContentMachine.AppHost.Telemetry.Tests;

/// <summary>The stack starts the receiver and the dashboard before its resources and stops them after.</summary>
public sealed class StackWiringTests
{
    [Fact]
    public async Task A_started_stack_receives_otlp_and_its_dashboard_lists_the_running_resources()
    {
        var stack = new DistributedStack(TestStacks.Options("telemetry", only: ["redis"]));
        var endpoints = stack.Telemetry.Endpoints;
        try
        {
            await stack.StartAsync();
            using var otlp = new HttpClient { BaseAddress = endpoints.OtlpEndpoint };
            otlp.DefaultRequestHeaders.Add(TelemetryEndpoints.ApiKeyHeader, endpoints.OtlpApiKey);
            using var dashboard = new HttpClient { BaseAddress = endpoints.DashboardUrl };
            dashboard.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", endpoints.LoginToken);

            using var exported = await otlp.PostAsync("/v1/traces", ReceiverTests.Protobuf(
                Google.Protobuf.MessageExtensions.ToByteArray(ReceiverTests.OneSpan("cccccccccccccccccccccccccccccccc"))));
            var resources = await dashboard.GetFromJsonAsync<JsonElement>("/api/resources");

            exported.StatusCode.Should().Be(HttpStatusCode.OK);
            stack.Telemetry.Store.Trace("cccccccccccccccccccccccccccccccc").Should().ContainSingle();
            var redis = resources.EnumerateArray().Should().ContainSingle().Which;
            redis.GetProperty("name").GetString().Should().Be("redis");
            redis.GetProperty("pid").GetInt32().Should().Be(stack.Snapshot("redis").Pid);
            stack.Logs.Tail(StackContext.AppHostResource, 100).Should().Contain(l => l.Text.Contains(endpoints.LoginUrl.AbsoluteUri));
        }
        finally
        {
            await TestStacks.DisposeAndDeleteAsync(stack);
        }

        var refused = async () =>
        {
            using var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, endpoints.OtlpPort);
        };
        await refused.Should().ThrowAsync<SocketException>("the receiver stops with the stack");
    }

    [Fact]
    public async Task The_dashboard_restarts_a_real_resource_and_tails_its_console()
    {
        var stack = new DistributedStack(TestStacks.Options("dashboard-actions", only: ["redis"]));
        try
        {
            await stack.StartAsync();
            var before = stack.Snapshot("redis");
            using var dashboard = new HttpClient { BaseAddress = stack.Telemetry.Endpoints.DashboardUrl, Timeout = TimeSpan.FromSeconds(60) };
            dashboard.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", stack.Telemetry.Endpoints.LoginToken);

            using var restart = await dashboard.PostAsync("/api/resources/redis/restart", null);
            var after = await restart.Content.ReadFromJsonAsync<JsonElement>();
            var console = await dashboard.GetFromJsonAsync<JsonElement>("/api/console/redis?tail=200");
            var queues = await dashboard.GetFromJsonAsync<JsonElement>("/api/metrics/queues");

            restart.StatusCode.Should().Be(HttpStatusCode.OK);
            after.GetProperty("state").GetString().Should().Be("Running");
            after.GetProperty("pid").GetInt32().Should().NotBe(before.Pid!.Value).And.Be(stack.Snapshot("redis").Pid!.Value);
            Process.GetProcessById(after.GetProperty("pid").GetInt32()).HasExited.Should().BeFalse();
            console.EnumerateArray().Select(l => l.GetProperty("text").GetString()).Should().Contain(t => t!.Contains("Ready to accept connections"));
            queues.GetArrayLength().Should().Be(0, "this stack runs no broker");
            stack.Logs.Tail(StackContext.AppHostResource, 50).Should().Contain(l => l.Text.Contains("redis: restart requested from the dashboard"));
        }
        finally
        {
            await TestStacks.DisposeAndDeleteAsync(stack);
        }
    }
}
