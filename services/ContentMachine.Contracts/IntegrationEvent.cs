namespace ContentMachine.Contracts;

/// <summary>Every event carries the project it concerns, a unique id (consumers use it to stay idempotent) and when it
/// happened. Names are past tense (ProjectSubmitted, VideoRendered, ...).</summary>
public abstract record IntegrationEvent
{
    public Guid EventId { get; init; } = Guid.CreateVersion7();
    public required Guid ProjectId { get; init; }
    public DateTimeOffset OccurredAt { get; init; } = DateTimeOffset.UtcNow;
}
