namespace ContentMachine.Publishing.Apis;

/// <param name="ProjectId">The project whose video is published.</param>
/// <param name="Platform">youtube, tiktok or instagram.</param>
/// <param name="Title">The title; the project's title is expected (default: "Project {projectId}").</param>
/// <param name="VideoKey">Default: projects/{projectId}/outputs/final.mp4 (the pipeline's output).</param>
public sealed record RequestPublicationRequest(
    Guid ProjectId, string? Platform, string? Title = null, string? Description = null, IReadOnlyList<string>? Hashtags = null,
    DateTimeOffset? PublishAt = null, string? VideoKey = null, string? CoverKey = null)
{
    public Platform? ParsePlatform() => PlatformNames.TryParse(Platform, out var p) ? p : null;

    public PublicationContent ToContent() => new(
        VideoKey ?? $"projects/{ProjectId}/outputs/final.mp4",
        CoverKey ?? (VideoKey is null ? $"projects/{ProjectId}/outputs/cover.jpg" : null),
        string.IsNullOrWhiteSpace(Title) ? $"Project {ProjectId}" : Title, Description, Hashtags ?? [], PublishAt);
}

public sealed record PublicationResponse(
    Guid Id, Guid ProjectId, Platform Platform, PublishMode Mode, PublicationStatus Status, string? Url, string? PlatformId, string? ExportKey,
    string? Error, bool Retryable, DateTimeOffset? PublishAt, DateTimeOffset? NextAttemptAt, UploadProgressResponse? Upload,
    int AttemptCount, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    public static PublicationResponse From(Publication p) => new(
        p.Id, p.ProjectId, p.Platform, p.Mode, p.Status, p.Url, p.PlatformId, p.ExportKey, p.Error, p.Retryable, p.PublishAt, p.NextAttemptAt,
        p.TotalBytes is { } total ? new UploadProgressResponse(p.BytesSent, total, p.UploadSessionUri is not null) : null,
        p.Attempts.Count, p.CreatedAt, p.UpdatedAt);
}

/// <summary>The upload's progress (the session URI itself is a credential-like secret: only whether there is one).</summary>
public sealed record UploadProgressResponse(long BytesSent, long TotalBytes, bool HasSession);

public sealed record PublicationDetailsResponse(PublicationResponse Publication, IReadOnlyList<AttemptResponse> Attempts)
{
    public static PublicationDetailsResponse From(Publication p) => new(PublicationResponse.From(p),
        p.Attempts.OrderBy(a => a.Number).Select(a => new AttemptResponse(a.Number, a.Worker, a.StartedAt, a.FinishedAt, a.Outcome, a.Error)).ToList());
}

public sealed record AttemptResponse(int Number, string Worker, DateTimeOffset StartedAt, DateTimeOffset? FinishedAt, string? Outcome, string? Error);

public sealed record PackageLinkResponse(string Url, DateTimeOffset ExpiresAt);
