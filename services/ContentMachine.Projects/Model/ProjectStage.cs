namespace ContentMachine.Projects.Model;

/// <summary>One pipeline stage of the project's run, as the pipeline's events report it.</summary>
public sealed class ProjectStage
{
    public Guid ProjectId { get; private set; }
    public string Name { get; private set; } = "";
    public int Order { get; private set; }
    public StageStatus Status { get; private set; }
    public int Attempt { get; private set; }
    public DateTimeOffset? StartedAt { get; private set; }
    public DateTimeOffset? CompletedAt { get; private set; }
    public string? Error { get; private set; }

    public static ProjectStage Pending(string name, int order) => new() { Name = name, Order = order, Status = StageStatus.Pending };

    /// <summary>Each change only moves forward within an attempt: a late "started" never undoes "completed".</summary>
    public bool Start(int attempt, DateTimeOffset at)
    {
        if (Status != StageStatus.Pending && Attempt == attempt) return false;
        (Status, Attempt, StartedAt, CompletedAt, Error) = (StageStatus.Running, attempt, at, null, null);
        return true;
    }

    public bool Complete(int attempt, DateTimeOffset at)
    {
        if (Status == StageStatus.Completed && Attempt == attempt) return false;
        (Status, Attempt, CompletedAt, Error) = (StageStatus.Completed, attempt, at, null);
        StartedAt ??= at;
        return true;
    }

    public bool Fail(int attempt, string error, DateTimeOffset at)
    {
        if (Status == StageStatus.Completed && Attempt == attempt) return false;
        (Status, Attempt, CompletedAt, Error) = (StageStatus.Failed, attempt, at, error);
        return true;
    }

    /// <summary>A retry re-runs what did not complete; completed stages keep their checkpoints.</summary>
    public void ResetUnlessCompleted()
    {
        if (Status == StageStatus.Completed) return;
        (Status, StartedAt, CompletedAt, Error) = (StageStatus.Pending, null, null, null);
    }
}
