using ContentMachine.Contracts;
using ContentMachine.Pipeline.Media.Captions;

namespace ContentMachine.Pipeline.Stages;

/// <summary>The video, its cover and its captions as SubRip become the project's outputs (kept; run artifacts expire), and
/// VideoRendered goes out with this checkpoint in one transaction: however often the stage is redone, one event results.</summary>
public sealed class StoreStage : IPipelineStage
{
    public string Name => "store";
    public int ProgressPercent => 100;

    public async Task<string> ExecuteAsync(RunWork work, CancellationToken ct)
    {
        var render = work.Output<RenderCheckpoint>("render");
        var cover = work.Output<CoverCheckpoint>("cover");
        var videoKey = work.OutputKey("final.mp4");
        var coverKey = work.OutputKey("cover.jpg");
        var video = await work.Storage.UploadAsync(videoKey, await work.LocalFileAsync(render.VideoKey, "video.mp4", ct), "video/mp4", ct);
        await work.Storage.UploadAsync(coverKey, await work.LocalFileAsync(cover.CoverKey, "cover.jpg", ct), "image/jpeg", ct);
        var srt = work.LocalPath("captions.srt");
        await File.WriteAllTextAsync(srt, SrtDocument.Write(CaptionTimeline.Build(work.Output<NarrationCheckpoint>("narration").Words)), ct);
        await work.Storage.UploadAsync(work.OutputKey("captions.srt"), srt, "application/x-subrip", ct);
        work.Raise(new VideoRendered
        {
            ProjectId = work.ProjectId, RunId = work.RunId, Attempt = work.Attempt,
            VideoKey = videoKey, CoverKey = coverKey, DurationSeconds = render.Media.DurationSeconds,
            Width = render.Media.Width, Height = render.Media.Height, SizeBytes = video.Size, Sha256 = video.Sha256,
        });
        return RunWork.Serialize(new StoreCheckpoint(videoKey, coverKey, video.Size, video.Sha256));
    }
}
