namespace ContentMachine.Cli.Api.Models;

/// <summary>One pipeline stage of the current attempt: pending, running, completed or failed.</summary>
public sealed record ProjectStage(string Name, string Status, int Attempt, DateTimeOffset? StartedAt, DateTimeOffset? CompletedAt, string? Error)
{
    public TimeSpan? Duration => StartedAt is { } start && CompletedAt is { } end ? end - start : null;
}
