namespace ContentMachine.Cli.Api.Events;

/// <summary>The project's status; a failed one names the stage and the reason.</summary>
public sealed record StatusChanged(string Status, string? FailedStage, string? Reason, int Attempt) : ProjectEvent
{
    /// <summary>A video exists: rendered, or gone on to publishing.</summary>
    public bool IsRendered => Status is ProjectStatuses.Rendered or ProjectStatuses.Publishing or ProjectStatuses.Published;

    public bool IsStopped => Status is ProjectStatuses.Failed or ProjectStatuses.Cancelled;
}
