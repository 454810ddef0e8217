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
