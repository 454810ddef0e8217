using ContentMachine.Cli.Api.Events;

namespace ContentMachine.Cli.Waiting;

/// <summary>The last state seen of each stage, publication and the status, so that views show only transitions (the
/// stream replays the state on reconnect, and polling repeats it every time).</summary>
public sealed class RunBoard
{
    private readonly Dictionary<string, string> _seen = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>True when <paramref name="change"/> moves something on from what was last seen.</summary>
    public bool IsNew(ProjectEvent change)
    {
        var (key, state) = change switch
        {
            StageChanged s => ("stage:" + s.Stage.Name, $"{s.Stage.Status}/{s.Stage.Attempt}"),
            PublicationChanged p => ("publication:" + p.Publication.Platform, $"{p.Publication.Status}/{p.Publication.ScheduledFor}"),
            StatusChanged s => ("status", $"{s.Status}/{s.Attempt}"),
            ProgressChanged p => ("progress", p.Percent.ToString()),
            _ => ("other", Guid.NewGuid().ToString()),
        };
        if (_seen.TryGetValue(key, out var last) && last == state) return false;
        _seen[key] = state;
        return true;
    }
}
