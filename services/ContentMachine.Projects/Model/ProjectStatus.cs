namespace ContentMachine.Projects.Model;

public enum ProjectStatus
{
    Draft,
    Queued,
    Running,
    Rendered,
    Publishing,
    Published,
    Failed,
    Cancelled,
}

public static class ProjectStatusExtensions
{
    /// <summary>A run is under way: it can be cancelled, and the pipeline's events for it still apply.</summary>
    public static bool IsActive(this ProjectStatus status) => status is ProjectStatus.Queued or ProjectStatus.Running;

    /// <summary>Draft and failed projects can be edited (and failed or cancelled ones retried).</summary>
    public static bool IsEditable(this ProjectStatus status) => status is ProjectStatus.Draft or ProjectStatus.Failed;
}
