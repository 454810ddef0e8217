namespace ContentMachine.Pipeline.Media.Rendering;

/// <summary>Everything one render needs. The video lasts the sum of the scenes' durations, which the caller sets to the
/// narration's length (see NarrationTrack.SceneDurations).</summary>
public sealed record RenderPlan(IReadOnlyList<RenderScene> Scenes, string NarrationWavPath, string AssPath, string OutputPath, RenderSettings Settings)
{
    public double TotalSeconds => Scenes.Sum(s => s.DurationSeconds);
}
