using ContentMachine.AppHost.Console;
using ContentMachine.AppHost.Telemetry.Dashboard;
using ContentMachine.AppHost.Telemetry.Metrics;

namespace ContentMachine.AppHost.Telemetry.Tests;

/// <summary>A stack of one Redis replica for the dashboard's tests: actions change its state as the real stack would
/// (a start of a running replica is refused), and the queue list is whatever the test sets.</summary>
public sealed class FakeDashboardStack : IDashboardStack
{
    private readonly Lock _gate = new();
    private ResourceSnapshot _redis = new("redis", "redis", "Redis", ResourceState.Running, 4242, DateTimeOffset.UtcNow, 1, null,
        ["redis://127.0.0.1:6390"]);

    public ResourceLogs Logs { get; } = new();
    public List<(string Name, ResourceAction Action)> Applied { get; } = [];
    public Func<IReadOnlyList<QueueDepth>> Queues { get; set; } = () => [];

    public IReadOnlyList<ResourceSnapshot> Snapshots()
    {
        lock (_gate) return [_redis];
    }

    public Task ApplyAsync(string instanceName, ResourceAction action, CancellationToken ct)
    {
        lock (_gate)
        {
            if (action == ResourceAction.Start && _redis.State == ResourceState.Running) throw new InvalidOperationException("redis is running.");
            Applied.Add((instanceName, action));
            _redis = action == ResourceAction.Stop
                ? _redis with { State = ResourceState.Stopped, Pid = null }
                : _redis with { State = ResourceState.Running, Pid = _redis.Pid.GetValueOrDefault(4242) + 1, StartedAt = DateTimeOffset.UtcNow };
        }
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<QueueDepth>> QueuesAsync(CancellationToken ct) => Task.FromResult(Queues());
}
