using ContentMachine.Pipeline.Media.Captions;
using ContentMachine.Pipeline.Media.Rendering;
using ContentMachine.Pipeline.Media.Script;

namespace ContentMachine.Pipeline.Stages;

/// <summary>Visuals, narration and word-highlighted captions into one 1080x1920 H.264/AAC MP4, checked with ffprobe
/// before it counts: both streams, the size, and the narration's duration within 0.2 s.</summary>
public sealed class RenderStage(DuplicateGuard duplicates, FfmpegRunner ffmpeg, MediaProbe probe, IOptions<PipelineOptions> options) : IPipelineStage
{
    public const double DurationTolerance = 0.2;

    public string Name => "render";
    public int ProgressPercent => 85;

    public async Task<string> ExecuteAsync(RunWork work, CancellationToken ct)
    {
        var script = work.Output<VideoScript>("script");
        await duplicates.CheckAsync(work, script, ct);

        var narration = work.Output<NarrationCheckpoint>("narration");
        var visuals = work.Output<VisualsCheckpoint>("visuals");
        var wav = await work.LocalFileAsync(narration.WavKey, "narration.wav", ct);
        var scenes = new List<RenderScene>();
        for (var i = 0; i < visuals.Scenes.Count; i++)
        {
            var visual = visuals.Scenes[i];
            var path = await work.LocalFileAsync(visual.Key, $"visual-{i + 1}{visual.Extension}", ct);
            scenes.Add(new RenderScene(path, visual.Kind, SceneSeconds(narration, i)));
        }

        var captions = work.LocalPath("captions.ass");
        await File.WriteAllTextAsync(captions, AssDocument.Write(CaptionTimeline.Build(narration.Words)), ct);
        var settings = new RenderSettings(Preset: options.Value.Preset, Crf: options.Value.Crf);
        var video = work.LocalPath("video.mp4");
        await ffmpeg.RunAsync(FfmpegCommand.Render(new RenderPlan(scenes, wav, captions, video, settings)), work.Folder, ct);

        var media = await probe.ProbeAsync(video, ct);
        Verify(media, settings, narration.DurationMs / 1000.0);
        var videoKey = work.ArtifactKey(Name, "video.mp4");
        var captionsKey = work.ArtifactKey(Name, "captions.ass");
        await work.Storage.UploadAsync(captionsKey, captions, "text/x-ssa", ct);
        var stored = await work.Storage.UploadAsync(videoKey, video, "video/mp4", ct);
        return RunWork.Serialize(new RenderCheckpoint(videoKey, captionsKey, media, stored.Size));
    }

    /// <summary>A scene lasts from its narration's start to the next scene's (the last one to the end of the track).</summary>
    private static double SceneSeconds(NarrationCheckpoint narration, int scene)
    {
        var start = narration.SceneStartMs[scene];
        var end = scene + 1 < narration.SceneStartMs.Count ? narration.SceneStartMs[scene + 1] : narration.DurationMs;
        return (end - start) / 1000.0;
    }

    private static void Verify(MediaInfo media, RenderSettings settings, double narrationSeconds)
    {
        var problems = new List<string>();
        if (media.VideoCodec != "h264") problems.Add($"video codec {media.VideoCodec ?? "missing"}");
        if (media.AudioCodec != "aac") problems.Add($"audio codec {media.AudioCodec ?? "missing"}");
        if (media.Width != settings.Width || media.Height != settings.Height) problems.Add($"size {media.Width}x{media.Height}");
        if (Math.Abs(media.DurationSeconds - narrationSeconds) > DurationTolerance)
            problems.Add($"duration {media.DurationSeconds:F2} s for {narrationSeconds:F2} s of narration");
        if (problems.Count > 0) throw new InvalidDataException($"The rendered video is wrong: {string.Join(", ", problems)}.");
    }
}
