namespace ContentMachine.Pipeline.Model;

/// <summary>A stage's checkpoint: once Completed, its output (the artifacts' keys and what later stages need, as JSON)
/// lets any replica resume the run after it without doing the stage again.</summary>
public sealed class RunStage
{
    public Guid RunId { get; private set; }
    public string Name { get; private set; } = "";
    public StageStatus Status { get; private set; }

    /// <summary>The run attempt that last worked on it.</summary>
    public int Attempt { get; private set; }

    /// <summary>Tries within the current run attempt (transient failures are retried in place).</summary>
    public int Tries { get; private set; }

    public string? Output { get; private set; }
    public string? Error { get; private set; }
    public DateTimeOffset StartedAt { get; private set; }
    public DateTimeOffset? CompletedAt { get; private set; }

    public static RunStage Start(Guid runId, string name, int attempt, DateTimeOffset now) =>
        new() { RunId = runId, Name = name, Status = StageStatus.Running, Attempt = attempt, Tries = 1, StartedAt = now };

    public void Restart(int attempt, DateTimeOffset now)
    {
        Tries = attempt == Attempt ? Tries + 1 : 1;
        (Status, Attempt, Error, StartedAt, CompletedAt) = (StageStatus.Running, attempt, null, now, null);
    }

    public void Complete(string output, DateTimeOffset now) => (Status, Output, Error, CompletedAt) = (StageStatus.Completed, output, null, now);

    public void Fail(string error, DateTimeOffset now) => (Status, Error, CompletedAt) = (StageStatus.Failed, error, now);
}
