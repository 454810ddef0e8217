namespace ContentMachine.Pipeline.Apis;

public sealed record RunResponse(Guid Id, Guid ProjectId, int Attempt, RunStatus Status, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    public static RunResponse From(Run r) => new(r.Id, r.ProjectId, r.Attempt, r.Status, r.CreatedAt, r.UpdatedAt);
}
