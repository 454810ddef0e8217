namespace ContentMachine.Contracts;

public sealed record VideoPublished : IntegrationEvent
{
    public required string Platform { get; init; }
    public string? Url { get; init; }
    public string? PlatformId { get; init; }
    public DateTimeOffset? ScheduledFor { get; init; }
}

public sealed record PublishFailed : IntegrationEvent
{
    public required string Platform { get; init; }
    public required string Reason { get; init; }
    public bool Retryable { get; init; }
}
