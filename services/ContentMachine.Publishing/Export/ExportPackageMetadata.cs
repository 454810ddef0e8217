using ContentMachine.Publishing.Platforms;

namespace ContentMachine.Publishing.Export;

/// <summary>metadata.json of an export package: what to type on each platform, already within its limits.</summary>
public sealed record ExportPackageMetadata(
    Guid ProjectId, string Platform, string Title, string? Description, IReadOnlyList<string> Hashtags, DateTimeOffset? PublishAt,
    DateTimeOffset CreatedAt, IReadOnlyDictionary<string, PlatformCaption> Captions, YouTubeMetadata YouTube, IReadOnlyList<string> Files);
