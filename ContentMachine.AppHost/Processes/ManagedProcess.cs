using System.ComponentModel;

namespace ContentMachine.AppHost.Processes;

/// <summary>A child process the AppHost owns. It is started through <c>setsid</c> (which execs, keeping the PID) so that
/// it leads its own session and process group: a Ctrl+C in the terminal reaches only the AppHost, which then stops the
/// children in order, and everything a child starts can be found and stopped through its group.</summary>
public sealed class ManagedProcess
{
    private readonly System.Diagnostics.Process _process;
    private readonly TaskCompletionSource<int> _exited = new(TaskCreationOptions.RunContinuationsAsynchronously);
    /// <summary>Set once the output is being read: a process that exits at once may raise Exited before that, and
    /// WaitForExit drains only streams that are already being read.</summary>
    private readonly TaskCompletionSource _reading = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ManagedProcess(System.Diagnostics.Process process, ProcessSpec spec)
    {
        _process = process;
        Spec = spec;
    }

    public ProcessSpec Spec { get; }
    public int Pid { get; private set; }
    public ulong StartTicks { get; private set; }
    public DateTimeOffset StartedAt { get; private set; }

    /// <summary>Completes with the exit code when the process has exited.</summary>
    public Task<int> Exited => _exited.Task;

    public bool HasExited => _exited.Task.IsCompleted;

    public static ManagedProcess Start(ProcessSpec spec, Action<string, bool> onOutput)
    {
        var info = new System.Diagnostics.ProcessStartInfo("setsid")
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = spec.WorkingDirectory ?? Environment.CurrentDirectory,
        };
        if (spec.RunAsUser is { } user)
        {
            foreach (var arg in (string[])["setpriv", $"--reuid={user}", $"--regid={user}", "--init-groups", "--"])
                info.ArgumentList.Add(arg);
        }
        info.ArgumentList.Add(spec.FileName);
        foreach (var arg in spec.Arguments) info.ArgumentList.Add(arg);
        foreach (var (key, value) in spec.Environment)
        {
            if (value is null) info.Environment.Remove(key);
            else info.Environment[key] = value;
        }

        var process = new System.Diagnostics.Process { StartInfo = info, EnableRaisingEvents = true };
        var managed = new ManagedProcess(process, spec);
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) onOutput(e.Data, false); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) onOutput(e.Data, true); };
        process.Exited += (_, _) => managed.OnExited();
        try
        {
            process.Start();
        }
        catch (Win32Exception ex)
        {
            throw new InvalidOperationException($"Could not start {spec.FileName}: {ex.Message}", ex);
        }
        managed.Pid = process.Id;
        managed.StartedAt = DateTimeOffset.UtcNow;
        managed.StartTicks = WaitForOwnSession(process.Id)?.StartTicks ?? 0;
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        managed._reading.TrySetResult();
        return managed;
    }

    /// <summary>Between fork and setsid's exec the child is still in the AppHost's session; signals to its group would
    /// miss it. That window is a fraction of a millisecond; waiting it out makes every later signal reach the process.</summary>
    private static ProcessEntry? WaitForOwnSession(int pid)
    {
        var deadline = Stopwatch.StartNew();
        ProcessEntry? entry;
        while ((entry = ProcessTable.Read(pid)) is { IsZombie: false } && entry.Session != pid && deadline.ElapsedMilliseconds < 2000)
            Thread.Sleep(1);
        return entry;
    }

    private void OnExited()
    {
        // WaitForExit() (no timeout) also drains the redirected output, so the last lines are not lost.
        _ = Task.Run(async () =>
        {
            await _reading.Task;
            _process.WaitForExit();
            _exited.TrySetResult(_process.ExitCode);
        });
    }

    /// <summary>Asks the process to stop with its stop signal; after the timeout, kills its whole process group.
    /// Returns once the process and every process it started have exited.</summary>
    public async Task StopAsync(TimeSpan? timeout = null)
    {
        var family = ProcessTable.Descendants(Pid);
        if (!HasExited) Posix.Signal(Pid, Spec.StopSignal);
        var graceful = await Task.WhenAny(Exited, Task.Delay(timeout ?? Spec.StopTimeout)) == Exited;
        if (!graceful) KillGroup();
        await Exited;
        await ReapAsync(family);
    }

    /// <summary>Kills the process group at once (a second Ctrl+C, or a start-up that must be abandoned).</summary>
    public async Task KillAsync()
    {
        var family = ProcessTable.Descendants(Pid);
        if (!HasExited) KillGroup();
        await Exited;
        await ReapAsync(family);
    }

    /// <summary>After the process died on its own: what it started is left in its session with no one to stop it (a
    /// service's ffmpeg, say); those are killed, each checked against its start time, and the count returned.</summary>
    public int KillOrphans()
    {
        var orphans = ProcessTable.InSession(Pid).Where(p => p.Pid != Pid && ProcessTable.IsAlive(p)).ToList();
        foreach (var orphan in orphans) Posix.Signal(orphan.Pid, Posix.SIGKILL);
        return orphans.Count;
    }

    private void KillGroup()
    {
        Posix.SignalGroup(Pid, Posix.SIGKILL);
        if (!HasExited) Posix.Signal(Pid, Posix.SIGKILL);
    }

    /// <summary>Descendants normally exit with their parent (PostgreSQL's backends notice the postmaster's death within
    /// moments); any still alive after a grace period is killed. Each is checked against its start time first, so a
    /// reused PID is never signalled.</summary>
    private static async Task ReapAsync(IReadOnlyList<ProcessEntry> family)
    {
        var deadline = DateTime.UtcNow.AddSeconds(5);
        foreach (var member in family)
        {
            while (ProcessTable.IsAlive(member) && DateTime.UtcNow < deadline) await Task.Delay(25);
            if (ProcessTable.IsAlive(member)) Posix.Signal(member.Pid, Posix.SIGKILL);
        }
    }
}
