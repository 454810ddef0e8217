namespace ContentMachine.Contracts;

/// <summary>Every event carries the project it concerns, a unique id (consumers use it to stay idempotent) and when it
/// happened. Names are past tense (ProjectSubmitted, VideoRendered, ...).</summary>
public abstract record IntegrationEvent
{
    public Guid EventId { get; init; } = Guid.CreateVersion7();
    public required Guid ProjectId { get; init; }
    public DateTimeOffset OccurredAt { get; init; } = DateTimeOffset.UtcNow;
}

/// <summary>An event about one attempt of a project's run. Attempts count from 1; a retry resumes the same run (its
/// checkpoints) under the next attempt, so consumers can ignore what a superseded attempt still reports.</summary>
public abstract record RunEvent : IntegrationEvent
{
    public required Guid RunId { get; init; }
    public required int Attempt { get; init; }
}
