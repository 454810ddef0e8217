using ContentMachine.AppHost.Console;
using ContentMachine.AppHost.Processes;
using ContentMachine.AppHost.Resources;
using ContentMachine.AppHost.Telemetry;
using ContentMachine.AppHost.Telemetry.Dashboard;
using ContentMachine.AppHost.Telemetry.Metrics;

namespace ContentMachine.AppHost.Hosting;

/// <summary>The whole ContentMachine stack as one object: <see cref="StartAsync"/> brings up the backing servers, the
/// services and the gateway in dependency order and returns when all are ready (or stops what it started and throws);
/// <see cref="StopAsync"/> stops everything in reverse order, by PID. The AppHost's command line and the end-to-end
/// tests both use it, so tests start exactly what users start.</summary>
public sealed class DistributedStack : IAsyncDisposable, IDashboardStack
{
    private readonly StackContext _context;
    private readonly IReadOnlyList<StackResource> _resources;
    private readonly Dictionary<StackResource, IReadOnlyList<ResourceInstance>> _instances;
    private readonly ProcessRegistry _registry;
    private readonly IReadOnlyList<string> _busyPorts;
    private readonly TelemetryHost _telemetry;
    private readonly Lock _gate = new();
    private Task? _stopping;
    private bool _started;

    public DistributedStack(StackOptions? options = null)
    {
        options ??= new StackOptions();
        var layout = RepositoryLayout.Discover(options.RepositoryRoot);
        var state = new StateDirectory(options.StateDirectory ?? Path.Combine(layout.Root, ".state"));
        _context = new StackContext(options, layout, state, new StackSecrets(Path.Combine(state.Root, "secrets.json")), new ResourceLogs());
        _registry = new ProcessRegistry(state.ProcessFile);

        var ports = new PortAllocator();
        var endpoints = TelemetryEndpoints.Create(ports.Allocate("otlp", options.Ports.Otlp), ports.Allocate("dashboard", options.Ports.Dashboard));
        _telemetry = new TelemetryHost(endpoints, options.Telemetry, this);
        _resources = Select(ContentMachineModel.Build(options, ports, endpoints), options.Only);
        _busyPorts = ports.Busy;
        _instances = _resources.ToDictionary(r => r, r => (IReadOnlyList<ResourceInstance>)Enumerable.Range(0, r.Replicas)
            .Select(i => new ResourceInstance(r, i, _context, _registry)).ToList());
        foreach (var instance in _instances.Values.SelectMany(i => i))
            instance.Changed += snapshot => ResourceChanged?.Invoke(snapshot);
    }

    public StackContext Context => _context;
    public ResourceLogs Logs => _context.Logs;
    public string StateDirectory => _context.State.Root;

    /// <summary>The OTLP receiver, the telemetry it keeps and the dashboard (URL and login token of this run).</summary>
    public TelemetryHost Telemetry => _telemetry;

    /// <summary>Raised whenever a replica changes state (starting, running, restarting, stopped...).</summary>
    public event Action<ResourceSnapshot>? ResourceChanged;

    public IReadOnlyList<ResourceSnapshot> Snapshots() => _instances.Values.SelectMany(i => i).Select(i => i.Snapshot()).ToList();

    public ResourceSnapshot Snapshot(string instanceName) =>
        Snapshots().FirstOrDefault(s => s.Name == instanceName) ?? throw new ArgumentException($"No resource named {instanceName}.");

    public Uri GatewayUrl => ServiceUrl("gateway");

    /// <summary>An API key with the admin scope (every scope) that the gateway accepts: <c>--api-key</c>, or the one
    /// generated for this state folder. Send it as <c>X-Api-Key</c> or <c>Authorization: Bearer</c>.</summary>
    public string AdminApiKey => _context.AdminApiKey;

    public Uri ServiceUrl(string service, int replica = 0) => Find<ProjectResource>(service).Url(replica);

    /// <summary>The connection string a service is given for a resource (projectsdb, messaging, redis, objects, ...).</summary>
    public string ConnectionString(string connectionName)
    {
        var resource = _resources.OfType<IConnectionStringResource>()
            .Concat(_resources.OfType<PostgresResource>().SelectMany(p => p.Databases))
            .FirstOrDefault(r => r.ConnectionName == connectionName)
            ?? throw new ArgumentException($"No resource has the connection name {connectionName}.");
        return resource.GetConnectionString(_context);
    }

    /// <summary>Every process the stack started (replicas, restarts), with its start time.</summary>
    public IReadOnlyList<StartedProcess> StartedProcesses => _registry.History;

    public async Task StartAsync(CancellationToken ct = default)
    {
        lock (_gate)
        {
            if (_started) throw new InvalidOperationException("The stack was already started.");
            _started = true;
        }
        _context.State.Acquire();
        try
        {
            foreach (var leftover in await ProcessRegistry.ReclaimAsync(_context.State.ProcessFile))
                _context.Log($"stopped {leftover}, left running by an earlier AppHost");
            if (_context.Options.Fresh)
            {
                _context.State.Wipe();
                _context.Log($"wiped the state folder {_context.State.Root}");
            }
            var missing = _resources.SelectMany(r => r.Prerequisites(_context)).DistinctBy(p => p.Name).Where(p => !p.IsPresent()).ToList();
            if (missing.Count > 0) throw new MissingPrerequisitesException(missing);
            if (_busyPorts.Count > 0)
                throw new InvalidOperationException($"Ports already in use: {string.Join(", ", _busyPorts)}. "
                    + "Stop what uses them, or choose others with --port name=N.");
        }
        catch
        {
            _context.State.Dispose();
            throw;
        }

        try
        {
            await _telemetry.StartAsync(ct);
        }
        catch
        {
            await _telemetry.StopAsync();
            _context.State.Dispose();
            throw;
        }
        _context.Log($"receiving OTLP at {_telemetry.Endpoints.OtlpEndpoint}; dashboard at {_telemetry.Endpoints.LoginUrl}");

        using var failFast = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var tasks = new Dictionary<StackResource, Task>();
        Task Start(StackResource resource)
        {
            if (tasks.TryGetValue(resource, out var task)) return task;
            var dependencies = resource.Dependencies.Where(_instances.ContainsKey).Select(Start).ToList();
            return tasks[resource] = StartResourceAsync(resource, dependencies, failFast);
        }
        foreach (var resource in _resources) _ = Start(resource);

        try
        {
            await Task.WhenAll(tasks.Values);
        }
        catch
        {
            var failure = tasks.Values.Where(t => t.IsFaulted).SelectMany(t => t.Exception!.InnerExceptions)
                .FirstOrDefault(e => e is not OperationCanceledException);
            _context.Log(failure is null ? "start cancelled; stopping what was started" : $"start failed; stopping what was started");
            await StopAsync();
            if (failure is not null) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failure);
            ct.ThrowIfCancellationRequested();
            throw;
        }
    }

    private async Task StartResourceAsync(StackResource resource, IReadOnlyList<Task> dependencies, CancellationTokenSource failFast)
    {
        try
        {
            await Task.WhenAll(dependencies);
            failFast.Token.ThrowIfCancellationRequested();
            await resource.PrepareAsync(_context, failFast.Token);
            await Task.WhenAll(_instances[resource].Select(i => i.StartAsync(failFast.Token)));
            await resource.OnReadyAsync(_context, failFast.Token);
            _context.Log($"{resource.Name} is ready");
        }
        catch
        {
            failFast.Cancel();
            throw;
        }
    }

    /// <summary>Stops every resource after the resources that depend on it; idempotent. With <paramref name="kill"/>,
    /// kills every process group at once instead of asking.</summary>
    public Task StopAsync(bool kill = false)
    {
        if (kill) return Task.WhenAll(_instances.Values.SelectMany(i => i).Select(i => i.StopAsync(kill: true)));
        lock (_gate) return _stopping ??= StopInOrderAsync();
    }

    private async Task StopInOrderAsync()
    {
        var tasks = new Dictionary<StackResource, Task>();
        Task Stop(StackResource resource)
        {
            if (tasks.TryGetValue(resource, out var task)) return task;
            var dependents = _resources.Where(r => r.Dependencies.Contains(resource)).Select(Stop).ToList();
            return tasks[resource] = StopResourceAsync(resource, dependents);
        }
        foreach (var resource in _resources) _ = Stop(resource);
        try
        {
            await Task.WhenAll(tasks.Values);
        }
        finally
        {
            // Last, so that what the services send while they shut down is still received.
            await _telemetry.StopAsync();
            _context.State.Dispose();
        }
    }

    private async Task StopResourceAsync(StackResource resource, IReadOnlyList<Task> dependents)
    {
        await Task.WhenAll(dependents);
        await Task.WhenAll(_instances[resource].Select(i => i.StopAsync()));
    }

    /// <summary>Stops every replica of one resource and leaves the others running (what depends on it must cope, as it
    /// would with a real outage).</summary>
    public Task StopResourceAsync(string resourceName) =>
        Task.WhenAll(InstancesOf(resourceName).Select(i => i.StopAsync()));

    /// <summary>Starts a stopped resource again and waits until it is ready.</summary>
    public async Task StartResourceAsync(string resourceName, CancellationToken ct = default)
    {
        var resource = _resources.First(r => r.Name == resourceName);
        await resource.PrepareAsync(_context, ct);
        await Task.WhenAll(InstancesOf(resourceName).Select(i => i.StartAsync(ct)));
        await resource.OnReadyAsync(_context, ct);
        _context.Log($"{resourceName} is ready again");
    }

    /// <summary>Stops, starts or restarts one replica (the dashboard's actions); a start returns once it is ready.</summary>
    public async Task ApplyAsync(string instanceName, ResourceAction action, CancellationToken ct)
    {
        lock (_gate)
            if (!_started || _stopping is not null) throw new InvalidOperationException("The stack is not running.");
        var instance = _instances.Values.SelectMany(i => i).FirstOrDefault(i => i.Name == instanceName)
            ?? throw new ArgumentException($"The stack has no resource named {instanceName}.", nameof(instanceName));
        _context.Log($"{instanceName}: {action.ToString().ToLowerInvariant()} requested from the dashboard");
        if (action is ResourceAction.Stop or ResourceAction.Restart) await instance.StopAsync();
        if (action is ResourceAction.Start or ResourceAction.Restart)
        {
            await instance.Resource.PrepareAsync(_context, ct);
            await instance.StartAsync(ct);
            await instance.Resource.OnReadyAsync(_context, ct);
            _context.Log($"{instanceName} is ready again");
        }
    }

    /// <summary>The broker's queues from its management API; empty when the stack runs no broker or it is down.</summary>
    public async Task<IReadOnlyList<QueueDepth>> QueuesAsync(CancellationToken ct)
    {
        if (_resources.OfType<RabbitMqResource>().FirstOrDefault() is not { } broker
            || _instances[broker].Any(i => i.Snapshot().State != ResourceState.Running)) return [];
        var queues = new RabbitMqQueues(_context.ProbeClient, new Uri($"http://127.0.0.1:{broker.ManagementPort}/"),
            RabbitMqResource.UserName, RabbitMqResource.Password(_context));
        return await queues.ReadAsync(ct);
    }

    private IReadOnlyList<ResourceInstance> InstancesOf(string resourceName) =>
        _instances.FirstOrDefault(kv => kv.Key.Name == resourceName).Value
        ?? throw new ArgumentException($"The stack has no resource named {resourceName}.");

    /// <summary>Waits until a replica's snapshot satisfies <paramref name="condition"/> (driven by state changes, no polling).</summary>
    public async Task<ResourceSnapshot> WaitForAsync(string instanceName, Func<ResourceSnapshot, bool> condition, CancellationToken ct)
    {
        var reached = new TaskCompletionSource<ResourceSnapshot>(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnChanged(ResourceSnapshot s)
        {
            if (s.Name == instanceName && condition(s)) reached.TrySetResult(s);
        }
        ResourceChanged += OnChanged;
        try
        {
            OnChanged(Snapshot(instanceName));
            return await reached.Task.WaitAsync(ct);
        }
        finally
        {
            ResourceChanged -= OnChanged;
        }
    }

    public async ValueTask DisposeAsync()
    {
        bool started;
        lock (_gate) started = _started;
        if (started) await StopAsync();
        await _telemetry.DisposeAsync();
        _context.ProbeClient.Dispose();
    }

    private T Find<T>(string name) where T : StackResource =>
        _resources.OfType<T>().FirstOrDefault(r => r.Name == name)
        ?? throw new ArgumentException($"The stack has no {typeof(T).Name} named {name} (was it left out with Only?).");

    private static IReadOnlyList<StackResource> Select(IReadOnlyList<StackResource> all, IReadOnlyCollection<string>? only)
    {
        if (only is null || only.Count == 0) return all;
        var unknown = only.Where(n => all.All(r => r.Name != n)).ToList();
        if (unknown.Count > 0)
            throw new ArgumentException($"Unknown resource(s): {string.Join(", ", unknown)}; known: {string.Join(", ", all.Select(r => r.Name))}.");
        var selected = new HashSet<StackResource>();
        void Add(StackResource r)
        {
            if (selected.Add(r)) r.Dependencies.ForEach(Add);
        }
        foreach (var resource in all.Where(r => only.Contains(r.Name))) Add(resource);
        return all.Where(selected.Contains).ToList();
    }
}
