namespace ContentMachine.Pipeline.Media.Rendering;

/// <summary>The render's timeline in whole frames. Scene k starts at frame StartFrames[k] (its start time rounded once,
/// so rounding never accumulates); every scene but the last is lengthened by the transition, which xfade overlaps with
/// the next scene, so the joined video is exactly TotalFrames long.</summary>
public sealed record SceneFrames(IReadOnlyList<int> StartFrames, IReadOnlyList<int> InputFrames, int TransitionFrames, int TotalFrames)
{
    public static SceneFrames Plan(IReadOnlyList<RenderScene> scenes, RenderSettings settings)
    {
        var starts = new List<int>(scenes.Count);
        var elapsed = 0.0;
        foreach (var scene in scenes)
        {
            starts.Add((int)Math.Round(elapsed * settings.Fps));
            elapsed += Math.Max(0, scene.DurationSeconds);
        }
        var total = Math.Max(1, (int)Math.Round(elapsed * settings.Fps));
        var lengths = starts.Select((start, i) => (i + 1 < starts.Count ? starts[i + 1] : total) - start).ToList();
        if (lengths.Any(l => l < 1)) throw new ArgumentException("Every scene must last at least one frame", nameof(scenes));

        // A transition may take at most half of the shortest scene, or scenes would blend into each other entirely.
        var transition = scenes.Count < 2 ? 0 : Math.Min((int)Math.Round(settings.TransitionSeconds * settings.Fps), lengths.Min() / 2);
        var inputs = lengths.Select((l, i) => i + 1 < lengths.Count ? l + transition : l).ToList();
        return new SceneFrames(starts, inputs, Math.Max(0, transition), total);
    }
}
