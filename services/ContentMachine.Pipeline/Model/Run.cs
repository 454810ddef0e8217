namespace ContentMachine.Pipeline.Model;

/// <summary>One attempt to turn a project into a video; its stages and checkpoints come with the pipeline itself.</summary>
public sealed class Run
{
    public Guid Id { get; private set; }
    public Guid ProjectId { get; private set; }
    public RunStatus Status { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    public static Run Queue(Guid projectId, TimeProvider clock)
    {
        var now = clock.GetUtcNow();
        return new Run { Id = Guid.CreateVersion7(now), ProjectId = projectId, Status = RunStatus.Queued, CreatedAt = now, UpdatedAt = now };
    }
}
