namespace ContentMachine.Pipeline.Apis;

/// <param name="ProjectId">The project to render.</param>
public sealed record QueueRunRequest(Guid ProjectId);

public sealed record RunResponse(Guid Id, Guid ProjectId, RunStatus Status, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    public static RunResponse From(Run r) => new(r.Id, r.ProjectId, r.Status, r.CreatedAt, r.UpdatedAt);
}
