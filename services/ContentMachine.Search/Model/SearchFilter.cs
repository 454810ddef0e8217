namespace ContentMachine.Search.Model;

/// <summary>Conditions a match must satisfy, all at once: exact topic (case-insensitive), status, project, and a project to
/// leave out (a duplicate check never reports the project asking).</summary>
public sealed record SearchFilter(string? Topic = null, string? Status = null, Guid? ProjectId = null, Guid? ExcludeProjectId = null)
{
    public static readonly SearchFilter None = new();

    public bool IsEmpty => Topic is null && Status is null && ProjectId is null && ExcludeProjectId is null;

    public bool Matches(Guid id, SearchPayload payload) =>
        (ExcludeProjectId is not { } excluded || id != excluded)
        && (ProjectId is not { } only || payload.ProjectId == only)
        && (Status is null || payload.Status == Status)
        && (Topic is null || payload.TopicKey == SearchPayload.NormalizeTopic(Topic));
}
