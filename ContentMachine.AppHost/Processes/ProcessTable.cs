namespace ContentMachine.AppHost.Processes;

/// <summary>One line of /proc/{pid}/stat: enough to tell a process's group and session (the AppHost starts every
/// child as the leader of its own session) and to tell a process from a later one that reuses its PID.</summary>
public sealed record ProcessEntry(int Pid, string Command, char State, int ParentPid, int ProcessGroup, int Session, ulong StartTicks)
{
    public bool IsZombie => State is 'Z' or 'X';
}

public static class ProcessTable
{
    public static ProcessEntry? Read(int pid)
    {
        try
        {
            return Parse(pid, File.ReadAllText($"/proc/{pid}/stat"));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    public static IReadOnlyList<ProcessEntry> All()
    {
        var entries = new List<ProcessEntry>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
            if (int.TryParse(Path.GetFileName(dir), out var pid) && Read(pid) is { } entry)
                entries.Add(entry);
        return entries;
    }

    /// <summary>True while the process exists and is not a zombie.</summary>
    public static bool IsAlive(int pid) => Read(pid) is { IsZombie: false };

    /// <summary>Live processes in the session led by <paramref name="sessionLeader"/>: everything a child started.</summary>
    public static IReadOnlyList<ProcessEntry> InSession(int sessionLeader) =>
        All().Where(p => p.Session == sessionLeader && !p.IsZombie).ToList();

    /// <summary>Every live descendant of <paramref name="pid"/> (children, their children, ...), whatever their session:
    /// PostgreSQL's backends, for one, make themselves session leaders.</summary>
    public static IReadOnlyList<ProcessEntry> Descendants(int pid)
    {
        var all = All();
        var byParent = all.ToLookup(p => p.ParentPid);
        var result = new List<ProcessEntry>();
        var pending = new Stack<int>([pid]);
        while (pending.Count > 0)
            foreach (var child in byParent[pending.Pop()])
            {
                if (child.IsZombie) continue;
                result.Add(child);
                pending.Push(child.Pid);
            }
        return result;
    }

    /// <summary>True while this very process (same PID and start time) is alive.</summary>
    public static bool IsAlive(ProcessEntry entry) => Read(entry.Pid) is { IsZombie: false } now && now.StartTicks == entry.StartTicks;

    internal static ProcessEntry Parse(int pid, string stat)
    {
        // The command sits in parentheses and may itself contain spaces or ')': fields resume after the last ')'.
        var open = stat.IndexOf('(');
        var close = stat.LastIndexOf(')');
        var fields = stat[(close + 2)..].Split(' ');
        return new ProcessEntry(pid, stat[(open + 1)..close], fields[0][0], int.Parse(fields[1]), int.Parse(fields[2]),
            int.Parse(fields[3]), ulong.Parse(fields[19]));
    }
}
