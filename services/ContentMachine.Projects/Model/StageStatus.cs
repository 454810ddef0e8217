namespace ContentMachine.Projects.Model;

public enum StageStatus
{
    Pending,
    Running,
    Completed,
    Failed,
}
