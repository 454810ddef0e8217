using ContentMachine.Pipeline.Media.Rendering;

namespace ContentMachine.Pipeline.Stages;

/// <summary>A cover JPEG taken from the video a moment in, once the first caption and picture are on screen.</summary>
public sealed class CoverStage(FfmpegRunner ffmpeg) : IPipelineStage
{
    public string Name => "cover";
    public int ProgressPercent => 90;

    public async Task<string> ExecuteAsync(RunWork work, CancellationToken ct)
    {
        var render = work.Output<RenderCheckpoint>("render");
        var video = await work.LocalFileAsync(render.VideoKey, "video.mp4", ct);
        var cover = work.LocalPath("cover.jpg");
        await ffmpeg.RunAsync(FfmpegCommand.Cover(video, Math.Min(1.0, render.Media.DurationSeconds / 2), cover), work.Folder, ct);
        var key = work.ArtifactKey(Name, "cover.jpg");
        await work.Storage.UploadAsync(key, cover, "image/jpeg", ct);
        return RunWork.Serialize(new CoverCheckpoint(key));
    }
}
