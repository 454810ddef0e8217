using ContentMachine.Pipeline.Media.Rendering;
using ContentMachine.Pipeline.Media.Script;
using ContentMachine.Pipeline.Media.Visuals;

namespace ContentMachine.Pipeline.Stages;

/// <summary>A picture or clip per scene: the user's uploads (options.mediaIds) taken in order and repeated when there
/// are fewer than scenes, so a video made from your own media shows only your media; otherwise a generated background
/// per scene (a palette from the topic, distinct per scene).</summary>
public sealed class VisualsStage(BackgroundPainter painter) : IPipelineStage
{
    public string Name => "visuals";
    public int ProgressPercent => 40;

    public async Task<string> ExecuteAsync(RunWork work, CancellationToken ct)
    {
        var script = work.Output<VideoScript>("script");
        var media = work.Options.MediaIds;
        var visuals = new List<VisualArtifact>();
        for (var i = 0; i < script.Scenes.Count; i++)
        {
            if (media.Count > 0)
            {
                visuals.Add(await UploadedAsync(work, media[i % media.Count], ct));
                continue;
            }
            var file = $"scene-{i + 1}.png";
            await painter.PaintAsync(work.Topic, i, work.LocalPath(file), ct);
            var key = work.ArtifactKey(Name, file);
            await work.Storage.UploadAsync(key, work.LocalPath(file), "image/png", ct);
            visuals.Add(new VisualArtifact(key, VisualKind.Image, ".png"));
        }
        return RunWork.Serialize(new VisualsCheckpoint(visuals));
    }

    private static async Task<VisualArtifact> UploadedAsync(RunWork work, Guid mediaId, CancellationToken ct)
    {
        var key = $"uploads/{mediaId}";
        var stored = await work.Storage.FindAsync(key, ct)
            ?? throw new StageFailedException($"The uploaded media {mediaId} in the project's options does not exist.");
        return stored.ContentType switch
        {
            "image/png" => new VisualArtifact(key, VisualKind.Image, ".png"),
            "image/jpeg" => new VisualArtifact(key, VisualKind.Image, ".jpg"),
            "video/mp4" => new VisualArtifact(key, VisualKind.Video, ".mp4"),
            "video/quicktime" => new VisualArtifact(key, VisualKind.Video, ".mov"),
            "video/webm" => new VisualArtifact(key, VisualKind.Video, ".webm"),
            _ => throw new StageFailedException($"The uploaded media {mediaId} is {stored.ContentType}, not an image or a video clip."),
        };
    }
}
