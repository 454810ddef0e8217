namespace ContentMachine.Pipeline.Apis;

/// <param name="Stage">The stage under way, or the one that failed.</param>
/// <param name="Worker">The replica working on it.</param>
public sealed record RunResponse(
    Guid Id, Guid ProjectId, int Attempt, RunStatus Status, string? Stage, string? Worker, string? Error,
    IReadOnlyList<RunStageResponse> Stages, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    public static RunResponse From(Run r) => new(
        r.Id, r.ProjectId, r.Attempt, r.Status, r.Stage, r.Worker, r.Error,
        r.Stages.OrderBy(s => s.StartedAt).Select(RunStageResponse.From).ToList(), r.CreatedAt, r.UpdatedAt);
}

/// <param name="Tries">Tries within the attempt that last worked on it (transient failures are retried in place).</param>
public sealed record RunStageResponse(string Name, StageStatus Status, int Attempt, int Tries, string? Error, DateTimeOffset StartedAt, DateTimeOffset? CompletedAt)
{
    public static RunStageResponse From(RunStage s) => new(s.Name, s.Status, s.Attempt, s.Tries, s.Error, s.StartedAt, s.CompletedAt);
}
