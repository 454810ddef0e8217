namespace ContentMachine.AppHost.Hosting;

public sealed record StackOptions
{
    /// <summary>Where data lives between runs; default <c>.state</c> in the repository.</summary>
    public string? StateDirectory { get; init; }

    /// <summary>Wipe the state folder before starting.</summary>
    public bool Fresh { get; init; }

    public StackPorts Ports { get; init; } = new();

    /// <summary>Processes per service (<c>--replicas pipeline=3</c>); absent means one.</summary>
    public IReadOnlyDictionary<string, int> Replicas { get; init; } = new Dictionary<string, int>();

    /// <summary>Start only these resources and what they depend on (tests that need only a database use it).</summary>
    public IReadOnlyCollection<string>? Only { get; init; }

    /// <summary>Extra or overriding environment variables for a resource's processes, by resource name.</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, string?>> Environment { get; init; } =
        new Dictionary<string, IReadOnlyDictionary<string, string?>>();

    /// <summary>Address the gateway listens on; loopback unless the gateway is meant to be reached from elsewhere.</summary>
    public string GatewayBindAddress { get; init; } = "127.0.0.1";

    public string EnvironmentName { get; init; } = "Development";

    /// <summary>Flush data to disk (PostgreSQL fsync, Redis append-only file). Throw-away test stacks turn it off.</summary>
    public bool Durable { get; init; } = true;

    /// <summary>How long one resource may take to become ready.</summary>
    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(120);

    /// <summary>The checkout to run services from; found from the AppHost's location when absent.</summary>
    public string? RepositoryRoot { get; init; }

    /// <summary>The gateway's first admin API key (<c>--api-key</c>); absent, one is generated per state folder and kept
    /// in its secrets.</summary>
    public string? AdminApiKey { get; init; }

    /// <summary>How many spans, log records and metric points the dashboard keeps.</summary>
    public Telemetry.TelemetryLimits Telemetry { get; init; } = new();

    public int ReplicasOf(string service) => Replicas.TryGetValue(service, out var n) ? n : 1;
}
