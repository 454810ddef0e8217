using System.Globalization;
using ContentMachine.Pipeline.Media.Rendering;
using ContentMachine.Pipeline.Media.Script;
using Microsoft.Extensions.Logging;

namespace ContentMachine.Pipeline.Media.Visuals;

/// <summary>Paints one scene's background as a single PNG (one ffmpeg run, one frame of the gradients source with a
/// vignette). The render then animates the still with a slow zoom or pan; generating gradients per frame costs ~17 s
/// per 30 s of video on two cores, a still costs ~1 s once. The image is 10 % larger than the video so the zoom has room.</summary>
public sealed class BackgroundPainter(FfmpegRunner runner, ILogger<BackgroundPainter> logger)
{
    public int Width { get; init; } = 1188;
    public int Height { get; init; } = 2112;

    public async Task PaintAsync(string topic, int sceneIndex, string outputPngPath, CancellationToken ct)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(outputPngPath))!;
        Directory.CreateDirectory(directory);
        await runner.RunAsync(Arguments(topic, sceneIndex, outputPngPath, Width, Height), directory, ct);
        logger.LogInformation("Painted background {SceneIndex} ({Width}x{Height})", sceneIndex, Width, Height);
    }

    public static IReadOnlyList<string> Arguments(string topic, int sceneIndex, string outputPngPath, int width, int height)
    {
        var colours = Palette.ForTopic(topic, sceneIndex).Select(c => "0x" + c.TrimStart('#')).ToList();
        var hash = StableHash.Of(topic.Trim().ToLowerInvariant()) + (uint)sceneIndex * 2654435761u;
        // The gradient's direction changes with the scene too: corner to corner, top to bottom or side to side.
        var (x0, y0, x1, y1) = ((hash >> 4) % 4) switch
        {
            0 => (0, 0, width, height),
            1 => (width, 0, 0, height),
            2 => (width / 2, 0, width / 2, height),
            _ => (0, height / 3, width, height * 2 / 3),
        };
        var source = string.Create(CultureInfo.InvariantCulture,
            $"gradients=s={width}x{height}:c0={colours[0]}:c1={colours[1]}:c2={colours[2]}:nb_colors=3:x0={x0}:y0={y0}:x1={x1}:y1={y1}:seed={hash % 100000}:d=0.04,vignette=PI/5");
        return ["-hide_banner", "-nostdin", "-loglevel", "error", "-y", "-f", "lavfi", "-i", source, "-frames:v", "1", outputPngPath];
    }
}
