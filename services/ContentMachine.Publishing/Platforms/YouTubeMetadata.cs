namespace ContentMachine.Publishing.Platforms;

/// <summary>The video resource's snippet and status as sent to videos.insert, already within YouTube's limits.</summary>
public sealed record YouTubeMetadata(
    string Title, string Description, IReadOnlyList<string> Tags, string CategoryId,
    string PrivacyStatus, DateTimeOffset? PublishAt, bool SelfDeclaredMadeForKids, bool ContainsSyntheticMedia);
