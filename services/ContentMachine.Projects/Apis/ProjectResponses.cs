using ContentMachine.Contracts;

namespace ContentMachine.Projects.Apis;

public sealed record ProjectSummary(Guid Id, string Title, string Topic, ProjectStatus Status, int Progress, bool HasVideo,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    public static ProjectSummary From(Project p) => new(p.Id, p.Title, p.Topic, p.Status, p.Progress, p.Video is not null, p.CreatedAt, p.UpdatedAt);
}

public sealed record ProjectPage(IReadOnlyList<ProjectSummary> Items, int Total, string? NextCursor);

public sealed record BatchCreated(IReadOnlyList<Guid> Ids);

public sealed record FailureResponse(string Stage, string? Reason);

public sealed record SceneResponse(int Sequence, string Text, double DurationSeconds, string VisualPrompt);

public sealed record StageResponse(string Name, StageStatus Status, int Attempt, DateTimeOffset? StartedAt, DateTimeOffset? CompletedAt, string? Error);

public sealed record VideoResponse(string Url, string CoverUrl, string VideoKey, string CoverKey, double DurationSeconds, int Width, int Height,
    long SizeBytes, string Sha256, DateTimeOffset RenderedAt);

public sealed record PublicationResponse(string Platform, PublicationStatus Status, DateTimeOffset? ScheduledFor, string? Url, string? Error, DateTimeOffset UpdatedAt);

public sealed record ProjectDetails(
    Guid Id, string Title, string Topic, ProjectStatus Status, VideoOptions Options, Guid? RunId, int Attempt, int Progress,
    FailureResponse? Failure, IReadOnlyList<string> Warnings, string? Description, IReadOnlyList<string> Hashtags, IReadOnlyList<SceneResponse> Scenes,
    IReadOnlyList<StageResponse> Stages, VideoResponse? Video, IReadOnlyList<PublicationResponse> Publications, string Version,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    public static ProjectDetails From(Project p) => new(
        p.Id, p.Title, p.Topic, p.Status, p.Options, p.RunId, p.Attempt, p.Progress,
        p.FailedStage is null ? null : new FailureResponse(p.FailedStage, p.FailureReason),
        p.Warnings, p.Description, p.Hashtags,
        p.Scenes.OrderBy(s => s.Sequence).Select(s => new SceneResponse(s.Sequence, s.Text, s.DurationSeconds, s.VisualPrompt)).ToList(),
        p.Stages.OrderBy(s => s.Order).Select(s => new StageResponse(s.Name, s.Status, s.Attempt, s.StartedAt, s.CompletedAt, s.Error)).ToList(),
        p.Video is { } v
            ? new VideoResponse($"/api/projects/{p.Id}/video", $"/api/storage/objects/{v.CoverKey}", v.VideoKey, v.CoverKey, v.DurationSeconds,
                v.Width, v.Height, v.SizeBytes, v.Sha256, v.RenderedAt)
            : null,
        p.Publications.OrderBy(x => x.Platform).Select(x => new PublicationResponse(x.Platform, x.Status, x.ScheduledFor, x.Url, x.Error, x.UpdatedAt)).ToList(),
        p.Version.ToString(), p.CreatedAt, p.UpdatedAt);
}
