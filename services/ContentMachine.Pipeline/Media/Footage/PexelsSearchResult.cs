using System.Text.Json.Serialization;

namespace ContentMachine.Pipeline.Media.Footage;

/// <summary>The part of Pexels' GET /videos/search answer that is used.</summary>
public sealed record PexelsSearchResult(IReadOnlyList<PexelsVideo>? Videos);

public sealed record PexelsVideo(long Id, int Width, int Height, int Duration, [property: JsonPropertyName("video_files")] IReadOnlyList<PexelsVideoFile>? VideoFiles);

public sealed record PexelsVideoFile(long Id, string? Quality, [property: JsonPropertyName("file_type")] string? FileType, int? Width, int? Height, string? Link);
