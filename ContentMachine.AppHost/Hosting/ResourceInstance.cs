using ContentMachine.AppHost.Processes;

namespace ContentMachine.AppHost.Hosting;

/// <summary>One running replica of a resource: starts its process, waits until it answers, restarts it with backoff
/// when it exits unasked, and stops it (and everything it started) on request.</summary>
public sealed class ResourceInstance
{
    private readonly StackResource _resource;
    private readonly int _replica;
    private readonly StackContext _context;
    private readonly ProcessRegistry _registry;
    private readonly RestartBackoff _backoff = new();
    private CancellationTokenSource _stopping = new();
    private readonly Lock _gate = new();
    private ManagedProcess? _process;
    private Task _supervision = Task.CompletedTask;
    private ResourceState _state = ResourceState.NotStarted;
    private int _restarts;
    private int? _lastExitCode;

    internal ResourceInstance(StackResource resource, int replica, StackContext context, ProcessRegistry registry)
    {
        _resource = resource;
        _replica = replica;
        _context = context;
        _registry = registry;
        Name = resource.InstanceName(replica);
    }

    public string Name { get; }
    public StackResource Resource => _resource;

    /// <summary>Raised on every state change, with the new snapshot.</summary>
    public event Action<ResourceSnapshot>? Changed;

    public ResourceSnapshot Snapshot()
    {
        lock (_gate)
            return new ResourceSnapshot(Name, _resource.Name, _resource.Type, _state, _process?.Pid, _process?.StartedAt,
                _restarts, _lastExitCode, _resource.Endpoints(_replica));
    }

    /// <summary>Starts the replica (first start, or again after a stop): fails, with the process stopped, if it exits
    /// or does not answer in time.</summary>
    public async Task StartAsync(CancellationToken ct)
    {
        lock (_gate)
        {
            if (_state is ResourceState.Starting or ResourceState.Running or ResourceState.Restarting or ResourceState.Stopping)
                throw new InvalidOperationException($"{Name} is {_state.ToString().ToLowerInvariant()}.");
            if (_stopping.IsCancellationRequested) _stopping = new CancellationTokenSource();
        }
        SetState(ResourceState.Starting);
        try
        {
            await LaunchAsync(ct);
        }
        catch
        {
            SetState(ResourceState.Failed);
            throw;
        }
        SetState(ResourceState.Running);
        _supervision = Task.Run(SuperviseAsync);
    }

    private async Task LaunchAsync(CancellationToken ct)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, _stopping.Token);
        var spec = _resource.CreateProcess(_context, _replica);
        var process = ManagedProcess.Start(spec, (line, isError) => _context.Logs.Write(Name, line, isError));
        lock (_gate) _process = process;
        _registry.Add(Name, process);
        SetState(_state);

        linked.CancelAfter(_context.Options.StartTimeout);
        var ready = _resource.WaitUntilReadyAsync(_context, _replica, linked.Token);
        try
        {
            if (await Task.WhenAny(ready, process.Exited) == process.Exited)
                throw Failure($"exited with code {await process.Exited} before it was ready");
            await ready;
        }
        catch (Exception ex)
        {
            await process.KillAsync();
            _registry.Remove(process);
            if (ex is ResourceFailedException || ct.IsCancellationRequested || _stopping.IsCancellationRequested) throw;
            throw Failure(ex is OperationCanceledException
                ? $"not ready after {_context.Options.StartTimeout.TotalSeconds:F0} s"
                : $"{ex.GetType().Name}: {ex.Message}");
        }
    }

    private ResourceFailedException Failure(string reason) =>
        new(Name, reason, _context.Logs.Tail(Name, 25).Select(l => l.Text).ToList());

    private async Task SuperviseAsync()
    {
        while (true)
        {
            var process = _process!;
            var exitCode = await process.Exited;
            if (_stopping.IsCancellationRequested) return;
            if (process.KillOrphans() is > 0 and var orphans) _context.Log($"{Name} left {orphans} process(es) behind; killed");
            _registry.Remove(process);
            lock (_gate) _lastExitCode = exitCode;
            if (!_resource.RestartOnExit)
            {
                _context.Log($"{Name} exited with code {exitCode}");
                SetState(ResourceState.Failed);
                return;
            }

            var delay = _backoff.Next(DateTimeOffset.UtcNow - process.StartedAt);
            lock (_gate) _restarts++;
            SetState(ResourceState.Restarting);
            _context.Log($"{Name} exited with code {exitCode}; restarting in {delay.TotalSeconds:0.#} s (restart {_restarts})");
            try
            {
                await Task.Delay(delay, _stopping.Token);
                await LaunchAsync(CancellationToken.None);
                SetState(ResourceState.Running);
                _context.Log($"{Name} is running again (pid {_process!.Pid})");
            }
            catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
            {
                return;
            }
            catch (ResourceFailedException ex)
            {
                _context.Log(ex.Message.Split(Environment.NewLine)[0]);
            }
        }
    }

    /// <summary>Stops the replica gracefully (its stop signal, then a kill after the timeout); no restart follows.</summary>
    public async Task StopAsync(bool kill = false)
    {
        _stopping.Cancel();
        if (_state is ResourceState.NotStarted or ResourceState.Stopped) return;
        SetState(ResourceState.Stopping);
        var stopping = Stopwatch.StartNew();
        await StopProcessAsync(kill);
        await _supervision;
        await StopProcessAsync(kill); // a restart may have raced the stop
        SetState(ResourceState.Stopped);
        _context.Log($"{Name} stopped in {stopping.Elapsed.TotalSeconds:F1} s (exit code {_lastExitCode})");
    }

    private async Task StopProcessAsync(bool kill)
    {
        var process = _process;
        if (process is null) return;
        if (kill) await process.KillAsync();
        else await process.StopAsync();
        lock (_gate) _lastExitCode = process.Exited.Result;
        _registry.Remove(process);
    }

    private void SetState(ResourceState state)
    {
        lock (_gate) _state = state;
        Changed?.Invoke(Snapshot());
    }
}
