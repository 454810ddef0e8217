using ContentMachine.Contracts;

namespace ContentMachine.Pipeline.Model;

/// <summary>A project's run: created by the first ProjectSubmitted (with the id the project gave it), queued again by a
/// retry under a higher attempt (it then resumes from its checkpoints). Its stages come with the pipeline itself.</summary>
public sealed class Run
{
    public Guid Id { get; private set; }
    public Guid ProjectId { get; private set; }
    public int Attempt { get; private set; }
    public RunStatus Status { get; private set; }
    public string Topic { get; private set; } = "";
    public string Title { get; private set; } = "";
    public VideoOptions Options { get; private set; } = new();
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    public static Run Submitted(ProjectSubmitted e) => new()
    {
        Id = e.RunId, ProjectId = e.ProjectId, Attempt = e.Attempt, Status = RunStatus.Queued, Topic = e.Topic, Title = e.Title,
        Options = e.Options, CreatedAt = e.OccurredAt, UpdatedAt = e.OccurredAt,
    };

    /// <summary>A retry: only a newer attempt re-queues the run.</summary>
    public bool Resubmit(ProjectSubmitted e)
    {
        if (e.Attempt <= Attempt) return false;
        (Attempt, Status, Topic, Title, Options, UpdatedAt) = (e.Attempt, RunStatus.Queued, e.Topic, e.Title, e.Options, e.OccurredAt);
        return true;
    }

    /// <summary>Stops the attempt under way; the confirmation goes back to the project.</summary>
    public RunCancelled? Cancel(ProjectCancellationRequested e, DateTimeOffset now)
    {
        if (e.Attempt != Attempt || Status is RunStatus.Succeeded or RunStatus.Failed or RunStatus.Cancelled) return null;
        (Status, UpdatedAt) = (RunStatus.Cancelled, now);
        return new RunCancelled { ProjectId = ProjectId, RunId = Id, Attempt = Attempt, OccurredAt = now };
    }
}
