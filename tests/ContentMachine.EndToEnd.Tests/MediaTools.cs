using System.Diagnostics;

namespace ContentMachine.EndToEnd.Tests;

/// <summary>ffprobe and ffmpeg as a viewer would use them: what a file is, and what a frame of it looks like.</summary>
public static class MediaTools
{
    public sealed record Probe(int Width, int Height, string? VideoCodec, string? AudioCodec, double DurationSeconds);

    public static async Task<Probe> ProbeAsync(string path)
    {
        var json = JsonDocument.Parse(await RunAsync("ffprobe", ["-v", "error", "-show_streams", "-show_format", "-of", "json", path])).RootElement;
        var streams = json.GetProperty("streams").EnumerateArray().ToList();
        var video = streams.FirstOrDefault(s => s.GetProperty("codec_type").GetString() == "video");
        var audio = streams.FirstOrDefault(s => s.GetProperty("codec_type").GetString() == "audio");
        return new Probe(
            video.ValueKind == JsonValueKind.Object ? video.GetProperty("width").GetInt32() : 0,
            video.ValueKind == JsonValueKind.Object ? video.GetProperty("height").GetInt32() : 0,
            video.ValueKind == JsonValueKind.Object ? video.GetProperty("codec_name").GetString() : null,
            audio.ValueKind == JsonValueKind.Object ? audio.GetProperty("codec_name").GetString() : null,
            double.Parse(json.GetProperty("format").GetProperty("duration").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>The frame at <paramref name="seconds"/>, scaled to width x height, as RGB24 bytes.</summary>
    public static async Task<byte[]> FrameAsync(string path, double seconds, int width, int height)
    {
        var start = new ProcessStartInfo("ffmpeg") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "-v", "error", "-ss", seconds.ToString("F3", System.Globalization.CultureInfo.InvariantCulture), "-i", path,
                     "-frames:v", "1", "-vf", $"scale={width}:{height}", "-f", "rawvideo", "-pix_fmt", "rgb24", "-" })
            start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        using var frame = new MemoryStream();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.BaseStream.CopyToAsync(frame);
        await process.WaitForExitAsync();
        if (process.ExitCode != 0 || frame.Length != width * height * 3)
            throw new InvalidOperationException($"ffmpeg could not take a frame at {seconds:F3} s of {path}: {await stderr}");
        return frame.ToArray();
    }

    /// <summary>The mean absolute difference of two RGB frames per horizontal band of <paramref name="bandHeight"/> rows.</summary>
    public static double[] BandDifferences(byte[] a, byte[] b, int width, int height, int bandHeight)
    {
        var bands = new double[height / bandHeight];
        for (var band = 0; band < bands.Length; band++)
        {
            long sum = 0;
            for (var row = band * bandHeight; row < (band + 1) * bandHeight; row++)
                for (var i = row * width * 3; i < (row + 1) * width * 3; i++)
                    sum += Math.Abs(a[i] - b[i]);
            bands[band] = sum / (double)(bandHeight * width * 3);
        }
        return bands;
    }

    /// <summary>The mean red, green and blue of the frame's rows from <paramref name="fromRow"/> to <paramref name="toRow"/>.</summary>
    public static (double R, double G, double B) MeanColour(byte[] rgb, int width, int fromRow, int toRow)
    {
        double r = 0, g = 0, b = 0;
        for (var i = fromRow * width * 3; i < toRow * width * 3; i += 3)
            (r, g, b) = (r + rgb[i], g + rgb[i + 1], b + rgb[i + 2]);
        var n = (toRow - fromRow) * width;
        return (r / n, g / n, b / n);
    }

    public static async Task<string> RunAsync(string tool, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in arguments) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0) throw new InvalidOperationException($"{tool} failed ({process.ExitCode}): {await stderr}");
        return await stdout;
    }

    /// <summary>Processes running the given program whose command line mentions <paramref name="needle"/>.</summary>
    public static IReadOnlyList<int> ProcessesMentioning(string program, string needle) =>
        Directory.EnumerateDirectories("/proc").Select(d => Path.GetFileName(d)).Where(n => n.All(char.IsAsciiDigit))
            .Select(int.Parse)
            .Where(pid =>
            {
                try
                {
                    var cmdline = File.ReadAllText($"/proc/{pid}/cmdline").Split('\0');
                    return Path.GetFileName(cmdline[0]) == program && cmdline.Any(a => a.Contains(needle, StringComparison.Ordinal));
                }
                catch (IOException)
                {
                    return false;
                }
                catch (UnauthorizedAccessException)
                {
                    return false;
                }
            })
            .ToList();
}
