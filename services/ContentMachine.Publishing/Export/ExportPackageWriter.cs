using System.IO.Compression;
using System.Text;
using System.Text.Json;
using ContentMachine.Publishing.Platforms;
using ContentMachine.Publishing.Runner;

namespace ContentMachine.Publishing.Export;

/// <summary>Writes an export package (ZIP) to a stream, entry by entry: the video is copied from its source stream into
/// its entry (stored, not recompressed: MP4 does not compress) and never held in memory.</summary>
public static class ExportPackageWriter
{
    public const string VideoEntry = "video.mp4";
    public const string CoverEntry = "cover.jpg";
    public const string CaptionsEntry = "captions.srt";
    public const string MetadataEntry = "metadata.json";
    public const string ChecklistEntry = "CHECKLIST.md";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>Opens a stored object for reading, or null when it does not exist.</summary>
    public delegate Task<Stream?> OpenObject(string key, CancellationToken ct);

    public static async Task<IReadOnlyList<string>> WriteAsync(
        Stream output, Guid projectId, Platform platform, PublicationContent content, YouTubeDefaults youTube, DateTimeOffset now,
        OpenObject open, CancellationToken ct)
    {
        var files = new List<string>();
        await using var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);

        await using (var video = await open(content.VideoKey, ct)
                     ?? throw new PublishException($"The video {content.VideoKey} is not in storage: render the project first.", retryable: false))
            await CopyEntryAsync(zip, VideoEntry, video, CompressionLevel.NoCompression, files, ct);
        if (content.CoverKey is { } coverKey && await open(coverKey, ct) is { } cover)
            await using (cover)
                await CopyEntryAsync(zip, CoverEntry, cover, CompressionLevel.NoCompression, files, ct);
        if (await open(content.CaptionsKey, ct) is { } captions)
            await using (captions)
                await CopyEntryAsync(zip, CaptionsEntry, captions, CompressionLevel.Optimal, files, ct);

        var captionsByPlatform = new Dictionary<string, PlatformCaption>
        {
            ["tiktok"] = CaptionAdapter.ForTikTok(content),
            ["instagram"] = CaptionAdapter.ForInstagram(content),
        };
        var youTubeMetadata = YouTubeMetadataAdapter.Adapt(content, youTube, now);
        foreach (var (name, caption) in captionsByPlatform)
            await WriteTextAsync(zip, $"caption-{name}.txt", caption.Text, files, ct);
        await WriteTextAsync(zip, "caption-youtube.txt",
            $"{youTubeMetadata.Title}\n\n{youTubeMetadata.Description}\n\nTags: {string.Join(", ", youTubeMetadata.Tags)}", files, ct);

        var platformName = platform.ToString().ToLowerInvariant();
        await WriteTextAsync(zip, ChecklistEntry, UploadChecklist.For(platform, content, files), files, ct);
        files.Add(MetadataEntry);
        var metadata = new ExportPackageMetadata(projectId, platformName, content.Title, content.Description, content.Hashtags,
            content.PublishAt, now, captionsByPlatform, youTubeMetadata, files);
        await WriteTextAsync(zip, MetadataEntry, JsonSerializer.Serialize(metadata, Json), null, ct);
        return files;
    }

    private static async Task CopyEntryAsync(ZipArchive zip, string name, Stream source, CompressionLevel level, List<string> files, CancellationToken ct)
    {
        var entry = zip.CreateEntry(name, level);
        await using (var target = await entry.OpenAsync(ct))
            await source.CopyToAsync(target, 256 * 1024, ct);
        files.Add(name);
    }

    private static async Task WriteTextAsync(ZipArchive zip, string name, string text, List<string>? files, CancellationToken ct)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
        await using (var target = await entry.OpenAsync(ct))
            await target.WriteAsync(Encoding.UTF8.GetBytes(text), ct);
        files?.Add(name);
    }
}
