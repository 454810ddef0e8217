using ContentMachine.AppHost.Console;
using ContentMachine.AppHost.Hosting;
using ContentMachine.AppHost.Telemetry.Dashboard;
using ContentMachine.AppHost.Telemetry.Metrics;

namespace ContentMachine.Bench;

/// <summary>A stack with nothing in it, for benchmarking the telemetry host on its own.</summary>
internal sealed class IdleStack : IDashboardStack
{
    public ResourceLogs Logs { get; } = new();
    public IReadOnlyList<ResourceSnapshot> Snapshots() => [];
    public Task ApplyAsync(string instanceName, ResourceAction action, CancellationToken ct) => throw new InvalidOperationException("The benchmark's stack has no resources.");
    public Task<IReadOnlyList<QueueDepth>> QueuesAsync(CancellationToken ct) => Task.FromResult<IReadOnlyList<QueueDepth>>([]);
}
