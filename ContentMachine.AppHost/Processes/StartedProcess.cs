namespace ContentMachine.AppHost.Processes;

/// <summary>A process the stack started: which replica of which resource, and its PID with its start time (so that a
/// later process reusing the PID is never taken for it).</summary>
public sealed record StartedProcess(string Resource, int Pid, ulong StartTicks)
{
    public bool IsAlive => ProcessTable.Read(Pid) is { IsZombie: false } now && now.StartTicks == StartTicks;

    /// <summary>As a process-table entry, for comparing with what /proc lists.</summary>
    public ProcessEntry AsEntry() => new(Pid, Resource, 'R', 0, Pid, Pid, StartTicks);
}
