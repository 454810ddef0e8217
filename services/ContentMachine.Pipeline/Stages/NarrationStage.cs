using ContentMachine.Pipeline.Media;
using ContentMachine.Pipeline.Media.Narration;
using ContentMachine.Pipeline.Media.Script;

namespace ContentMachine.Pipeline.Stages;

/// <summary>Each scene spoken (espeak-ng locally) with the time of every word, joined into one track.</summary>
public sealed class NarrationStage(INarrator narrator, IOptions<MediaOptions> options) : IPipelineStage
{
    public string Name => "narration";
    public int ProgressPercent => 25;

    public async Task<string> ExecuteAsync(RunWork work, CancellationToken ct)
    {
        var script = work.Output<VideoScript>("script");
        var scenes = new List<SceneNarration>();
        foreach (var scene in script.Scenes)
            scenes.Add(await narrator.NarrateAsync(
                new NarrationRequest(scene.Text, work.Options.Voice, work.Options.Language, work.LocalPath($"scene-{scene.Sequence}.wav")), ct));
        var track = NarrationTrack.Concat(scenes, options.Value.SceneGapMs, work.LocalPath("narration.wav"));

        var key = work.ArtifactKey(Name, "narration.wav");
        await work.Storage.UploadAsync(key, track.WavPath, "audio/wav", ct);
        var checkpoint = RunWork.Serialize(new NarrationCheckpoint(key, track.DurationMs, track.Words, track.SceneStartMs));
        // The timings beside the audio: captions can be re-made, and a check of a video can find when each word is said.
        var timings = work.LocalPath("track.json");
        await File.WriteAllTextAsync(timings, checkpoint, ct);
        await work.Storage.UploadAsync(work.ArtifactKey(Name, "track.json"), timings, "application/json", ct);
        return checkpoint;
    }
}
