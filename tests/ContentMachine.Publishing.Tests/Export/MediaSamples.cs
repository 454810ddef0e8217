using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace ContentMachine.Publishing.Tests.Export;

/// <summary>Real media made with ffmpeg for the tests, and the checks a person's upload would need to pass.</summary>
public static partial class MediaSamples
{
    public static async Task<string> VideoAsync(string folder, int width = 360, int height = 640, double seconds = 2, bool lossless = false)
    {
        var path = Path.Combine(folder, $"video-{width}x{height}-{seconds}{(lossless ? "-lossless" : "")}.mp4");
        await RunAsync("ffmpeg", "-v", "error", "-y", "-f", "lavfi", "-i", $"testsrc=size={width}x{height}:rate=30:duration={seconds.ToString(CultureInfo.InvariantCulture)}",
            "-f", "lavfi", "-i", $"sine=frequency=440:duration={seconds.ToString(CultureInfo.InvariantCulture)}", "-c:v", "libx264", "-preset", "ultrafast", "-qp", lossless ? "0" : "23",
            "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest", "-movflags", "+faststart", path);
        return path;
    }

    public static async Task<string> CoverAsync(string folder)
    {
        var path = Path.Combine(folder, "cover.jpg");
        await RunAsync("ffmpeg", "-v", "error", "-y", "-f", "lavfi", "-i", "color=c=orange:size=360x640", "-frames:v", "1", path);
        return path;
    }

    public const string Srt = "1\n00:00:00,000 --> 00:00:00,800\nFive facts\n\n2\n00:00:00,800 --> 00:00:01,500\nabout owls\n\n3\n00:00:01,500 --> 00:00:02,000\nnumber one\n";

    /// <summary>The cue times of a SubRip file, checked to be well formed and increasing.</summary>
    public static IReadOnlyList<(TimeSpan Start, TimeSpan End)> SrtCues(string srt)
    {
        var cues = CueTimes().Matches(srt).Select(m => (Parse(m.Groups[1].Value), Parse(m.Groups[2].Value))).ToList();
        cues.Should().NotBeEmpty();
        for (var i = 0; i < cues.Count; i++)
        {
            cues[i].Item2.Should().BeGreaterThan(cues[i].Item1);
            if (i > 0) cues[i].Item1.Should().BeGreaterThanOrEqualTo(cues[i - 1].Item2);
        }
        return cues;
    }

    /// <summary>ffprobe's view: width, height, duration (fails if the file is not a readable video).</summary>
    public static async Task<(int Width, int Height, double Seconds)> ProbeAsync(string path)
    {
        var output = await RunAsync("ffprobe", "-v", "error", "-select_streams", "v:0", "-show_entries", "stream=width,height:format=duration", "-of", "json", path);
        var shape = ContentMachine.Publishing.YouTube.VideoProbe.Parse(output);
        return (shape.Width, shape.Height, shape.DurationSeconds);
    }

    private static TimeSpan Parse(string time) => TimeSpan.ParseExact(time, @"hh\:mm\:ss\,fff", CultureInfo.InvariantCulture);

    private static async Task<string> RunAsync(string tool, params string[] args)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        process.ExitCode.Should().Be(0, await error);
        return await output;
    }

    [GeneratedRegex(@"(\d\d:\d\d:\d\d,\d\d\d) --> (\d\d:\d\d:\d\d,\d\d\d)")]
    private static partial Regex CueTimes();
}
