using ContentMachine.Cli.Api;
using ContentMachine.Cli.Api.Events;
using ContentMachine.Contracts;

namespace ContentMachine.Cli.Waiting;

/// <summary>A Spectre progress display: a bar per pipeline stage (a spinner while it runs), the overall progress, and a
/// bar per publication once there is one.</summary>
public sealed class LiveRunView : IRunView
{
    private readonly ProgressContext _context;
    private readonly ProgressTask _overall;
    private readonly Dictionary<string, ProgressTask> _tasks = new(StringComparer.OrdinalIgnoreCase);

    public LiveRunView(ProgressContext context)
    {
        _context = context;
        foreach (var stage in Stages.All) _tasks[stage] = context.AddTask(stage, autoStart: false);
        _overall = context.AddTask("[bold]overall[/]");
    }

    public void Show(ProjectEvent change)
    {
        switch (change)
        {
            case StageChanged { Stage: var s }:
                Update(Task(s.Name), s.Name, s.Status, s.Error);
                break;
            case PublicationChanged { Publication: var p }:
                Update(Task(p.Platform), p.Platform, p.Status, p.Error);
                break;
            case ProgressChanged p:
                _overall.Value = p.Percent;
                break;
            case StatusChanged s:
                _overall.Description = $"[bold]overall[/] ({Markup.Escape(s.Status)})";
                // The stream ends at the project's status; the last stage's own event may come after it, or not at all.
                if (s.Status is ProjectStatuses.Rendered or ProjectStatuses.Publishing or ProjectStatuses.Published)
                    foreach (var stage in Stages.All.Where(stage => !_tasks[stage].IsFinished || _tasks[stage].Value < _tasks[stage].MaxValue))
                        Update(_tasks[stage], stage, "completed", null);
                break;
        }
    }

    private ProgressTask Task(string name)
    {
        if (!_tasks.TryGetValue(name, out var task)) _tasks[name] = task = _context.AddTask(Markup.Escape(name), autoStart: false);
        return task;
    }

    private static void Update(ProgressTask task, string name, string status, string? error)
    {
        var label = Markup.Escape(name);
        if (status is "running" or "pending" && task.Value >= task.MaxValue) task.Value = 0; // a retry starts the stage again
        switch (status)
        {
            case "running" or "pending" or "scheduled":
                if (status != "pending") task.StartTask();
                task.IsIndeterminate = status == "running";
                task.Description = status == "scheduled" ? $"{label} (scheduled)" : label;
                break;
            case "completed" or "published":
                task.IsIndeterminate = false;
                task.Value = task.MaxValue;
                task.Description = $"[green]{label}[/]";
                task.StopTask();
                break;
            case "failed":
                task.IsIndeterminate = false;
                task.Description = $"[red]{label} failed[/]" + (error is null ? "" : $" [grey]{Markup.Escape(Formats.Shorten(error, 60))}[/]");
                task.StopTask();
                break;
            default:
                task.Description = $"{label} ({Markup.Escape(status)})";
                break;
        }
    }
}
