using System.Text.Json;

namespace ContentMachine.AppHost.Processes;

/// <summary>The processes a stack has running, written to its state folder as they start and stop. If the AppHost is
/// killed outright (SIGKILL, a power cut of the terminal), its children live on; the next start reads this file and
/// stops them by PID, checked against their start time, before it starts anything.</summary>
internal sealed class ProcessRegistry(string path)
{
    private readonly Lock _gate = new();
    private readonly List<Entry> _entries = [];
    private readonly List<StartedProcess> _history = [];

    /// <summary>Every process started through this registry, alive or not.</summary>
    public IReadOnlyList<StartedProcess> History
    {
        get { lock (_gate) return _history.ToList(); }
    }

    public void Add(string resource, ManagedProcess process)
    {
        lock (_gate)
        {
            _entries.Add(new Entry(resource, process.Pid, process.StartTicks));
            _history.Add(new StartedProcess(resource, process.Pid, process.StartTicks));
            Save();
        }
    }

    public void Remove(ManagedProcess process)
    {
        lock (_gate)
        {
            _entries.RemoveAll(e => e.Pid == process.Pid);
            Save();
        }
    }

    /// <summary>Stops whatever a previous AppHost left running; returns what it stopped.</summary>
    public static async Task<IReadOnlyList<string>> ReclaimAsync(string path)
    {
        if (!File.Exists(path)) return [];
        var entries = JsonSerializer.Deserialize<List<Entry>>(await File.ReadAllTextAsync(path)) ?? [];
        var reclaimed = new List<string>();
        foreach (var entry in entries)
        {
            if (ProcessTable.Read(entry.Pid) is not { IsZombie: false } live || live.StartTicks != entry.StartTicks) continue;
            var family = ProcessTable.Descendants(entry.Pid);
            Posix.SignalGroup(entry.Pid, Posix.SIGTERM);
            for (var i = 0; i < 200 && ProcessTable.IsAlive(live); i++) await Task.Delay(50);
            if (ProcessTable.IsAlive(live)) Posix.SignalGroup(entry.Pid, Posix.SIGKILL);
            foreach (var member in family.Where(ProcessTable.IsAlive)) Posix.Signal(member.Pid, Posix.SIGKILL);
            reclaimed.Add($"{entry.Resource} (pid {entry.Pid})");
        }
        File.Delete(path);
        return reclaimed;
    }

    private void Save()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temp = path + ".tmp";
        File.WriteAllText(temp, JsonSerializer.Serialize(_entries));
        File.Move(temp, path, overwrite: true);
    }

    private sealed record Entry(string Resource, int Pid, ulong StartTicks);
}
