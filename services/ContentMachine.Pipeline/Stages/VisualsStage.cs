using ContentMachine.Pipeline.Media.Footage;
using ContentMachine.Pipeline.Media.Rendering;
using ContentMachine.Pipeline.Media.Script;
using ContentMachine.Pipeline.Media.Visuals;

namespace ContentMachine.Pipeline.Stages;

/// <summary>A picture or clip per scene: the user's uploads (options.mediaIds) taken in order and repeated when there
/// are fewer than scenes, so a video made from your own media shows only your media; otherwise stock footage found by
/// the scene's keywords when a source is configured (Pexels), and a generated background (a palette from the topic,
/// distinct per scene) for any scene it has nothing for or when it fails.</summary>
public sealed class VisualsStage(BackgroundPainter painter, ILogger<VisualsStage> logger, IStockFootage? footage = null) : IPipelineStage
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
            if (footage is not null && await StockClipAsync(work, script.Scenes[i], i, ct) is { } clip)
            {
                visuals.Add(clip);
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

    private async Task<VisualArtifact?> StockClipAsync(RunWork work, ContentMachine.Contracts.SceneScript scene, int index, CancellationToken ct)
    {
        var file = $"scene-{index + 1}.mp4";
        try
        {
            if (!await footage!.TryDownloadAsync(scene.VisualPrompt, scene.DurationSeconds, work.LocalPath(file), ct)) return null;
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException or System.Text.Json.JsonException
                                       || ex is OperationCanceledException && !ct.IsCancellationRequested)
        {
            logger.LogWarning("No stock clip for scene {Scene} of project {ProjectId} ({Reason}); painting a background instead",
                index + 1, work.ProjectId, ex.Message);
            return null;
        }
        var key = work.ArtifactKey(Name, file);
        await work.Storage.UploadAsync(key, work.LocalPath(file), "video/mp4", ct);
        return new VisualArtifact(key, VisualKind.Video, ".mp4");
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
