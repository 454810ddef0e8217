using Newtonsoft.Json;

namespace ContentMachine.Publishing.YouTube;

// The Google.Apis serializer is Newtonsoft's, with no camel-casing of its own: names are spelled out, nulls are dropped.

/// <summary>The video resource of videos.insert (the parts this service sends and reads back).</summary>
public sealed record Video
{
    [JsonProperty("kind")] public string? Kind { get; init; }
    [JsonProperty("id")] public string? Id { get; init; }
    [JsonProperty("snippet")] public VideoSnippet? Snippet { get; init; }
    [JsonProperty("status")] public VideoStatus? Status { get; init; }
}

public sealed record VideoSnippet
{
    [JsonProperty("title")] public string? Title { get; init; }
    [JsonProperty("description")] public string? Description { get; init; }
    [JsonProperty("tags")] public IReadOnlyList<string>? Tags { get; init; }
    [JsonProperty("categoryId")] public string? CategoryId { get; init; }
}

public sealed record VideoStatus
{
    [JsonProperty("privacyStatus")] public string? PrivacyStatus { get; init; }
    /// <summary>RFC 3339 as a string: a DateTime member would be re-formatted by the serializer.</summary>
    [JsonProperty("publishAt")] public string? PublishAt { get; init; }
    [JsonProperty("selfDeclaredMadeForKids")] public bool? SelfDeclaredMadeForKids { get; init; }
    [JsonProperty("containsSyntheticMedia")] public bool? ContainsSyntheticMedia { get; init; }
    [JsonProperty("uploadStatus")] public string? UploadStatus { get; init; }

    public static Video From(Platforms.YouTubeMetadata m) => new()
    {
        Snippet = new VideoSnippet { Title = m.Title, Description = m.Description, Tags = m.Tags, CategoryId = m.CategoryId },
        Status = new VideoStatus
        {
            PrivacyStatus = m.PrivacyStatus,
            PublishAt = m.PublishAt?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture),
            SelfDeclaredMadeForKids = m.SelfDeclaredMadeForKids,
            ContainsSyntheticMedia = m.ContainsSyntheticMedia,
        },
    };
}
