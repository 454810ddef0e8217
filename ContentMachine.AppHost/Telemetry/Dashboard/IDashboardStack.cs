using ContentMachine.AppHost.Console;
using ContentMachine.AppHost.Hosting;
using ContentMachine.AppHost.Telemetry.Metrics;

namespace ContentMachine.AppHost.Telemetry.Dashboard;

/// <summary>What the dashboard sees of, and may do to, the stack it belongs to.</summary>
public interface IDashboardStack
{
    /// <summary>Every replica's state now.</summary>
    IReadOnlyList<ResourceSnapshot> Snapshots();

    /// <summary>What every resource (and the AppHost itself) wrote to its console.</summary>
    ResourceLogs Logs { get; }

    /// <summary>Stops, starts or restarts one replica and returns when that is done (started means ready).</summary>
    Task ApplyAsync(string instanceName, ResourceAction action, CancellationToken ct);

    /// <summary>The message broker's queues with their depths; empty when the stack has no broker.</summary>
    Task<IReadOnlyList<QueueDepth>> QueuesAsync(CancellationToken ct);
}

public enum ResourceAction { Stop, Start, Restart }
