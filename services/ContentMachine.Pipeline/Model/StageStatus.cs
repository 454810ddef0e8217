namespace ContentMachine.Pipeline.Model;

public enum StageStatus
{
    Running,
    Completed,
    Failed,
}
