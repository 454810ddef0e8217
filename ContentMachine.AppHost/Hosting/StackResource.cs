using ContentMachine.AppHost.Processes;

namespace ContentMachine.AppHost.Hosting;

/// <summary>A resource of the stack (a backing server or a service) and how to run, probe and prepare it. Its running
/// replicas are <see cref="ResourceInstance"/>s.</summary>
public abstract class StackResource(string name, string type)
{
    public string Name { get; } = name;
    public string Type { get; } = type;
    public List<StackResource> Dependencies { get; } = [];

    public virtual int Replicas => 1;

    /// <summary>Whether a crash (an exit nobody asked for) is followed by a restart.</summary>
    public virtual bool RestartOnExit => true;

    public string InstanceName(int replica) => Replicas == 1 ? Name : $"{Name}-{replica}";

    public virtual IEnumerable<Prerequisite> Prerequisites(StackContext context) => [];

    /// <summary>URLs shown in the resource table (credentials never included).</summary>
    public abstract IReadOnlyList<string> Endpoints(int replica);

    /// <summary>Once per stack start, before the first process: folders, configuration files, initdb.</summary>
    public virtual Task PrepareAsync(StackContext context, CancellationToken ct) => Task.CompletedTask;

    public abstract ProcessSpec CreateProcess(StackContext context, int replica);

    /// <summary>Returns when the replica answers; the caller bounds it with a timeout and with the process's exit.</summary>
    public abstract Task WaitUntilReadyAsync(StackContext context, int replica, CancellationToken ct);

    /// <summary>Once all replicas are ready the first time: create databases, buckets, users.</summary>
    public virtual Task OnReadyAsync(StackContext context, CancellationToken ct) => Task.CompletedTask;

    public StackResource WaitFor(StackResource dependency)
    {
        if (!Dependencies.Contains(dependency)) Dependencies.Add(dependency);
        return this;
    }

    /// <summary>Retries <paramref name="probe"/> until it returns true; exceptions count as "not yet".</summary>
    protected static async Task PollAsync(Func<CancellationToken, Task<bool>> probe, CancellationToken ct, int intervalMs = 100)
    {
        while (true)
        {
            ct.ThrowIfCancellationRequested();
            try
            {
                if (await probe(ct)) return;
            }
            catch (Exception) when (!ct.IsCancellationRequested)
            {
                // not ready yet
            }
            await Task.Delay(intervalMs, ct);
        }
    }
}

/// <summary>A resource that other resources reach through a connection string named after it.</summary>
public interface IConnectionStringResource
{
    string ConnectionName { get; }
    StackResource Owner { get; }
    string GetConnectionString(StackContext context);
}
