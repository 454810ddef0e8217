namespace ContentMachine.AppHost.Hosting;

public enum ResourceState
{
    NotStarted,
    Starting,
    Running,
    Restarting,
    Stopping,
    Stopped,
    Failed,
}

/// <summary>A replica's state at one moment, for the resource table, the dashboard and tests.</summary>
public sealed record ResourceSnapshot(
    string Name,
    string Resource,
    string Type,
    ResourceState State,
    int? Pid,
    DateTimeOffset? StartedAt,
    int Restarts,
    int? LastExitCode,
    IReadOnlyList<string> Endpoints);
