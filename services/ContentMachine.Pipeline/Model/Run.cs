using ContentMachine.Contracts;

namespace ContentMachine.Pipeline.Model;

/// <summary>A project's run: created by the first ProjectSubmitted (with the id the project gave it), queued again by a
/// retry under a higher attempt, which resumes from the stages already completed (their checkpoints).</summary>
public sealed class Run
{
    public const int MaxErrorLength = 2000;

    public Guid Id { get; private set; }
    public Guid ProjectId { get; private set; }
    public int Attempt { get; private set; }
    public RunStatus Status { get; private set; }
    public string Topic { get; private set; } = "";
    public string Title { get; private set; } = "";
    public VideoOptions Options { get; private set; } = new();

    /// <summary>The stage under way, or the one that failed.</summary>
    public string? Stage { get; private set; }

    /// <summary>The replica working on it (its service instance id), for operators and the crash test.</summary>
    public string? Worker { get; private set; }

    public string? Error { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>Concurrency token (PostgreSQL xmin): a worker's write fails if the run was cancelled or retried meanwhile.</summary>
    public uint Version { get; private set; }

    public List<RunStage> Stages { get; private set; } = [];

    public static Run Submitted(ProjectSubmitted e) => new()
    {
        Id = e.RunId, ProjectId = e.ProjectId, Attempt = e.Attempt, Status = RunStatus.Queued, Topic = e.Topic, Title = e.Title,
        Options = e.Options, CreatedAt = e.OccurredAt, UpdatedAt = e.OccurredAt,
    };

    public RunQueued Queued(DateTimeOffset now) => new() { ProjectId = ProjectId, RunId = Id, Attempt = Attempt, OccurredAt = now };

    /// <summary>A retry: only a newer attempt re-queues the run.</summary>
    public bool Resubmit(ProjectSubmitted e)
    {
        if (e.Attempt <= Attempt) return false;
        (Attempt, Status, Topic, Title, Options, UpdatedAt, Error) = (e.Attempt, RunStatus.Queued, e.Topic, e.Title, e.Options, e.OccurredAt, null);
        return true;
    }

    /// <summary>Whether a worker holding this attempt's message should work on it (a redelivered message of an attempt
    /// that was superseded, finished or cancelled is dropped).</summary>
    public bool IsWorkable(int attempt) => attempt == Attempt && Status is RunStatus.Queued or RunStatus.Running;

    public void Begin(string worker, DateTimeOffset now) => (Status, Worker, UpdatedAt) = (RunStatus.Running, worker, now);

    public RunStage? Checkpoint(string stage) => Stages.FirstOrDefault(s => s.Name == stage);

    public RunStageStarted StartStage(string stage, DateTimeOffset now)
    {
        if (Checkpoint(stage) is { } existing) existing.Restart(Attempt, now);
        else Stages.Add(RunStage.Start(Id, stage, Attempt, now));
        (Stage, UpdatedAt) = (stage, now);
        return new RunStageStarted { ProjectId = ProjectId, RunId = Id, Attempt = Attempt, Stage = stage, OccurredAt = now };
    }

    public RunStageCompleted CompleteStage(string stage, string output, int progressPercent, DateTimeOffset now)
    {
        var checkpoint = Checkpoint(stage) ?? throw new InvalidOperationException($"Stage {stage} of run {Id} was never started.");
        checkpoint.Complete(output, now);
        UpdatedAt = now;
        return new RunStageCompleted
        {
            ProjectId = ProjectId, RunId = Id, Attempt = Attempt, Stage = stage, ProgressPercent = progressPercent, OccurredAt = now,
            DurationSeconds = (now - checkpoint.StartedAt).TotalSeconds,
        };
    }

    public void Succeed(DateTimeOffset now) => (Status, Stage, UpdatedAt) = (RunStatus.Succeeded, null, now);

    public RunFailed Fail(string stage, string reason, bool retryable, DateTimeOffset now)
    {
        reason = reason.Length > MaxErrorLength ? reason[..MaxErrorLength] : reason;
        Checkpoint(stage)?.Fail(reason, now);
        (Status, Stage, Error, UpdatedAt) = (RunStatus.Failed, stage, reason, now);
        return new RunFailed { ProjectId = ProjectId, RunId = Id, Attempt = Attempt, Stage = stage, Reason = reason, Retryable = retryable, OccurredAt = now };
    }

    /// <summary>Stops the attempt under way; the confirmation goes back to the project.</summary>
    public RunCancelled? Cancel(ProjectCancellationRequested e, DateTimeOffset now)
    {
        if (e.Attempt != Attempt || Status is RunStatus.Succeeded or RunStatus.Failed or RunStatus.Cancelled) return null;
        (Status, UpdatedAt) = (RunStatus.Cancelled, now);
        return new RunCancelled { ProjectId = ProjectId, RunId = Id, Attempt = Attempt, OccurredAt = now };
    }
}
