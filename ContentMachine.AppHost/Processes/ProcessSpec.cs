namespace ContentMachine.AppHost.Processes;

/// <summary>How to run one process of the stack.</summary>
public sealed record ProcessSpec(string FileName, IReadOnlyList<string> Arguments)
{
    public IReadOnlyDictionary<string, string?> Environment { get; init; } = new Dictionary<string, string?>();
    public string? WorkingDirectory { get; init; }

    /// <summary>Run as this user instead of the AppHost's (PostgreSQL refuses to run as root).</summary>
    public string? RunAsUser { get; init; }

    /// <summary>The signal that asks the process to stop gracefully (PostgreSQL's fast shutdown is SIGINT).</summary>
    public int StopSignal { get; init; } = Posix.SIGTERM;

    public TimeSpan StopTimeout { get; init; } = TimeSpan.FromSeconds(10);
}
