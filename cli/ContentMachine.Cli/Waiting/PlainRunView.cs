using ContentMachine.Cli.Api.Events;

namespace ContentMachine.Cli.Waiting;

/// <summary>One plain line per transition ("script: running", "status: rendered"), for logs and pipes.</summary>
public sealed class PlainRunView(TextWriter output) : IRunView
{
    private readonly RunBoard _board = new();

    public void Show(ProjectEvent change)
    {
        if (!_board.IsNew(change) || Line(change) is not { } line) return;
        output.WriteLine(line);
        output.Flush();
    }

    private static string? Line(ProjectEvent change) => change switch
    {
        StageChanged { Stage.Status: "pending" } => null,
        StageChanged { Stage: var s } => $"{s.Name}: {s.Status}"
            + (s.Duration is { } d && s.Status == "completed" ? $" ({Formats.Duration(d)})" : "")
            + (s.Error is { } error ? $": {error}" : ""),
        PublicationChanged { Publication: var p } => $"{p.Platform}: {p.Status}" + (p.Error is { } error ? $": {error}" : "")
            + (p.ScheduledFor is { } at && p.Status == "scheduled" ? $" for {at:u}" : ""),
        StatusChanged s => $"status: {s.Status}" + (s.FailedStage is { } stage ? $" at {stage}: {s.Reason}" : ""),
        ProjectRemoved => "status: deleted",
        _ => null,
    };
}
