using ContentMachine.AppHost.Hosting;
using ContentMachine.AppHost.Processes;
using ContentMachine.AppHost.Telemetry;

namespace ContentMachine.AppHost.Resources;

/// <summary>A .NET service of this repository, run from its build output with <c>dotnet</c>, one process per replica,
/// each on its own loopback port, with the configuration of ARCHITECTURE.md injected as environment variables:
/// connection strings by resource name, other services' URLs, and OpenTelemetry settings.</summary>
public sealed class ProjectResource(string name, string projectDirectory, IReadOnlyList<int> ports, string type = "Service")
    : StackResource(name, type)
{
    private readonly List<IConnectionStringResource> _connections = [];
    private readonly List<ProjectResource> _services = [];
    private readonly List<Func<StackContext, IReadOnlyDictionary<string, string?>>> _environment = [];

    public string ProjectDirectory { get; } = projectDirectory;
    public override int Replicas => ports.Count;

    /// <summary>Where the process listens; loopback for services. Only the gateway may be given another address.</summary>
    public string BindAddress { get; init; } = "127.0.0.1";

    /// <summary>The AppHost's OTLP receiver and its API key; absent, the service exports nothing.</summary>
    public TelemetryEndpoints? Telemetry { get; init; }

    /// <summary>The replica's URL as other processes on this machine reach it.</summary>
    public Uri Url(int replica) => new($"http://127.0.0.1:{ports[replica]}");

    public ProjectResource WithReference(IConnectionStringResource resource)
    {
        _connections.Add(resource);
        WaitFor(resource.Owner);
        return this;
    }

    /// <summary>Gives this process the other service's URLs. It does not wait for it: services call each other
    /// through resilient clients and must cope with a peer that is (re)starting, so they start side by side.</summary>
    public ProjectResource WithReference(ProjectResource service)
    {
        _services.Add(service);
        return this;
    }

    /// <summary>Environment computed when the process starts (from secrets that exist only then).</summary>
    public ProjectResource WithEnvironment(Func<StackContext, IReadOnlyDictionary<string, string?>> environment)
    {
        _environment.Add(environment);
        return this;
    }

    public override IEnumerable<Prerequisite> Prerequisites(StackContext context) =>
    [
        new($"{Name} build ({ProjectDirectory})", () => File.Exists(context.Layout.AssemblyPath(ProjectDirectory)),
            $"dotnet build {RepositoryLayout.SolutionFile} -c {context.Layout.Configuration}"),
    ];

    public override IReadOnlyList<string> Endpoints(int replica) => [$"http://{(BindAddress == "127.0.0.1" ? "127.0.0.1" : BindAddress)}:{ports[replica]}"];

    public override ProcessSpec CreateProcess(StackContext context, int replica)
    {
        var assembly = context.Layout.AssemblyPath(ProjectDirectory);
        return new ProcessSpec("dotnet", ["exec", assembly])
        {
            WorkingDirectory = Path.GetDirectoryName(assembly),
            Environment = BuildEnvironment(context, replica),
            StopTimeout = TimeSpan.FromSeconds(15),
        };
    }

    internal Dictionary<string, string?> BuildEnvironment(StackContext context, int replica)
    {
        var env = new Dictionary<string, string?>
        {
            ["ASPNETCORE_URLS"] = $"http://{BindAddress}:{ports[replica]}",
            ["ASPNETCORE_HTTP_PORTS"] = null,
            ["ASPNETCORE_HTTPS_PORTS"] = null,
            ["ASPNETCORE_ENVIRONMENT"] = context.Options.EnvironmentName,
            ["DOTNET_ENVIRONMENT"] = context.Options.EnvironmentName,
            ["OTEL_SERVICE_NAME"] = Name,
            ["SERVICE_INSTANCE_ID"] = InstanceName(replica),
        };
        if (Telemetry is not null)
        {
            env["OTEL_EXPORTER_OTLP_ENDPOINT"] = Telemetry.OtlpEndpoint.AbsoluteUri.TrimEnd('/');
            env["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf";
            env["OTEL_EXPORTER_OTLP_HEADERS"] = Telemetry.OtlpHeaders;
        }
        foreach (var resource in _connections)
            env[$"ConnectionStrings__{resource.ConnectionName}"] = resource.GetConnectionString(context);
        foreach (var service in _services)
            for (var i = 0; i < service.Replicas; i++)
                env[$"services__{service.Name}__http__{i}"] = service.Url(i).AbsoluteUri.TrimEnd('/');
        foreach (var (key, value) in _environment.SelectMany(e => e(context))) env[key] = value;
        if (context.Options.Environment.TryGetValue(Name, out var overrides))
            foreach (var (key, value) in overrides) env[key] = value;
        return env;
    }

    public override Task WaitUntilReadyAsync(StackContext context, int replica, CancellationToken ct) =>
        PollAsync(async token =>
        {
            using var response = await context.ProbeClient.GetAsync(new Uri(Url(replica), "/health"), token);
            return response.IsSuccessStatusCode;
        }, ct, intervalMs: 200);
}
