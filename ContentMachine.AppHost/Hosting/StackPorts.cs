namespace ContentMachine.AppHost.Hosting;

/// <summary>Loopback ports of the stack. The defaults avoid the standard ports (5432, 6379, 5672, 15672, 4369, 9000) so
/// that the stack runs beside system-wide servers; 0 means "any free port" (tests use that for everything).</summary>
public sealed record StackPorts
{
    public int Postgres { get; init; } = 55432;
    public int Redis { get; init; } = 56379;
    public int RabbitMq { get; init; } = 55672;
    public int RabbitMqManagement { get; init; } = 55673;
    public int RabbitMqDistribution { get; init; } = 55674;
    public int Epmd { get; init; } = 54369;
    public int ObjectStore { get; init; } = 54569;
    public int Gateway { get; init; } = 8080;
    public int Dashboard { get; init; } = 18888;
    public int Otlp { get; init; } = 4318;

    /// <summary>First port of the services' replicas (consecutive from there); 0 gives each a free port.</summary>
    public int Services { get; init; }

    public static readonly StackPorts AnyFree = new()
    {
        Postgres = 0, Redis = 0, RabbitMq = 0, RabbitMqManagement = 0, RabbitMqDistribution = 0, Epmd = 0,
        ObjectStore = 0, Gateway = 0, Dashboard = 0, Otlp = 0, Services = 0,
    };

    public static IReadOnlyList<string> Names { get; } =
        ["postgres", "redis", "rabbitmq", "rabbitmq-management", "rabbitmq-distribution", "epmd", "objects", "gateway", "dashboard", "otlp", "services"];

    /// <summary>Sets one port by name (the AppHost's <c>--port name=N</c>).</summary>
    public StackPorts With(string name, int port) => name.ToLowerInvariant() switch
    {
        "postgres" => this with { Postgres = port },
        "redis" => this with { Redis = port },
        "rabbitmq" or "messaging" => this with { RabbitMq = port },
        "rabbitmq-management" => this with { RabbitMqManagement = port },
        "rabbitmq-distribution" => this with { RabbitMqDistribution = port },
        "epmd" => this with { Epmd = port },
        "objects" => this with { ObjectStore = port },
        "gateway" => this with { Gateway = port },
        "dashboard" => this with { Dashboard = port },
        "otlp" => this with { Otlp = port },
        "services" => this with { Services = port },
        _ => throw new ArgumentException($"Unknown port name '{name}'; known: {string.Join(", ", Names)}."),
    };
}
