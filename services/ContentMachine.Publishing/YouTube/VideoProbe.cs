using System.Globalization;
using System.Text.Json;

namespace ContentMachine.Publishing.YouTube;

/// <summary>Width, height and duration of a video file, read with ffprobe (Debian's ffmpeg package).</summary>
public sealed class VideoProbe(IConfiguration configuration)
{
    private string Ffprobe => configuration["Publishing:FfprobePath"] ?? "ffprobe";

    public async Task<VideoShape> ProbeAsync(string path, CancellationToken ct)
    {
        var start = new System.Diagnostics.ProcessStartInfo(Ffprobe)
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        foreach (var arg in (string[])["-v", "error", "-select_streams", "v:0", "-show_entries", "stream=width,height:format=duration", "-of", "json", path])
            start.ArgumentList.Add(arg);
        using var process = System.Diagnostics.Process.Start(start) ?? throw new InvalidOperationException("ffprobe did not start.");
        var output = process.StandardOutput.ReadToEndAsync(ct);
        var error = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        if (process.ExitCode != 0) throw new InvalidOperationException($"ffprobe failed ({process.ExitCode}): {(await error).Trim()}");
        return Parse(await output);
    }

    public static VideoShape Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var stream = root.GetProperty("streams").EnumerateArray().FirstOrDefault();
        var width = stream.ValueKind == JsonValueKind.Object && stream.TryGetProperty("width", out var w) ? w.GetInt32() : 0;
        var height = stream.ValueKind == JsonValueKind.Object && stream.TryGetProperty("height", out var h) ? h.GetInt32() : 0;
        var duration = root.TryGetProperty("format", out var format) && format.TryGetProperty("duration", out var d)
            && double.TryParse(d.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) ? seconds : 0;
        return new VideoShape(width, height, duration);
    }
}

public sealed record VideoShape(int Width, int Height, double DurationSeconds);
