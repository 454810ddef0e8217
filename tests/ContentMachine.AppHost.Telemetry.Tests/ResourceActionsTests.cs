using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ContentMachine.AppHost.Telemetry.Dashboard;

namespace ContentMachine.AppHost.Telemetry.Tests;

/// <summary>The resources page's stop, start and restart buttons, through the dashboard's API.</summary>
public sealed class ResourceActionsTests : IAsyncLifetime
{
    private RunningTelemetry _telemetry = null!;

    public async Task InitializeAsync() => _telemetry = await RunningTelemetry.StartAsync();
    public async Task DisposeAsync() => await _telemetry.DisposeAsync();

    [Fact]
    public async Task Stop_then_start_returns_the_replicas_new_state_each_time()
    {
        using var client = _telemetry.DashboardClient();

        var stopped = await (await client.PostAsync("/api/resources/redis/stop", null)).Content.ReadFromJsonAsync<JsonElement>();
        var started = await (await client.PostAsync("/api/resources/redis/start", null)).Content.ReadFromJsonAsync<JsonElement>();

        stopped.GetProperty("state").GetString().Should().Be("Stopped");
        started.GetProperty("state").GetString().Should().Be("Running");
        started.GetProperty("pid").GetInt32().Should().Be(4243);
        _telemetry.Stack.Applied.Should().Equal(("redis", ResourceAction.Stop), ("redis", ResourceAction.Start));
    }

    [Fact]
    public async Task Starting_a_running_replica_is_a_conflict_and_unknown_names_or_actions_are_refused()
    {
        using var client = _telemetry.DashboardClient();

        using var conflict = await client.PostAsync("/api/resources/redis/start", null);
        using var unknown = await client.PostAsync("/api/resources/memcached/restart", null);
        using var badAction = await client.PostAsync("/api/resources/redis/reboot", null);
        using var anonymous = await new HttpClient { BaseAddress = _telemetry.Endpoints.DashboardUrl }.PostAsync("/api/resources/redis/stop", null);

        conflict.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await conflict.Content.ReadAsStringAsync()).Should().Contain("redis is running");
        unknown.StatusCode.Should().Be(HttpStatusCode.NotFound);
        badAction.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await badAction.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("action", out _).Should().BeTrue();
        anonymous.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        _telemetry.Stack.Applied.Should().BeEmpty();
    }
}
