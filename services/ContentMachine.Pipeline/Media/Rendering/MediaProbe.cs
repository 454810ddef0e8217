using System.Globalization;
using System.Text.Json;
using System.Text;
using Microsoft.Extensions.Options;

namespace ContentMachine.Pipeline.Media.Rendering;

/// <summary>Reads a media file's duration, size, codecs and frame rate with ffprobe's JSON output; the render stage
/// checks its output with it before counting as done.</summary>
public sealed class MediaProbe(FfmpegRunner runner, IOptions<MediaOptions> options)
{
    public async Task<MediaInfo> ProbeAsync(string path, CancellationToken ct)
    {
        var json = new StringBuilder();
        await runner.RunToolAsync(options.Value.FfprobePath,
            ["-v", "error", "-print_format", "json", "-show_format", "-show_streams", path],
            Path.GetDirectoryName(Path.GetFullPath(path))!, line => json.AppendLine(line), ct);
        return Parse(json.ToString());
    }

    public static MediaInfo Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var streams = root.TryGetProperty("streams", out var s) ? s.EnumerateArray().ToList() : [];
        var video = streams.FirstOrDefault(x => Text(x, "codec_type") == "video");
        var audio = streams.FirstOrDefault(x => Text(x, "codec_type") == "audio");
        var duration = root.TryGetProperty("format", out var format) ? Number(format, "duration") : null;
        return new MediaInfo(
            duration ?? (video.ValueKind == JsonValueKind.Object ? Number(video, "duration") : null) ?? 0,
            video.ValueKind == JsonValueKind.Object && video.TryGetProperty("width", out var w) ? w.GetInt32() : 0,
            video.ValueKind == JsonValueKind.Object && video.TryGetProperty("height", out var h) ? h.GetInt32() : 0,
            video.ValueKind == JsonValueKind.Object ? Text(video, "codec_name") : null,
            audio.ValueKind == JsonValueKind.Object ? Text(audio, "codec_name") : null,
            video.ValueKind == JsonValueKind.Object ? Rate(Text(video, "avg_frame_rate")) : null);
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static double? Number(JsonElement element, string name) =>
        Text(element, name) is { } text && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : null;

    /// <summary>"30/1" -> 30; "0/0" (unknown) -> null.</summary>
    private static double? Rate(string? fraction)
    {
        var parts = fraction?.Split('/');
        if (parts is not { Length: 2 } || !double.TryParse(parts[0], CultureInfo.InvariantCulture, out var n)
            || !double.TryParse(parts[1], CultureInfo.InvariantCulture, out var d) || d == 0 || n == 0) return null;
        return n / d;
    }
}
