using System.Globalization;

namespace ContentMachine.Pipeline.Media.Rendering;

/// <summary>Builds ffmpeg's argument list (no shell) for the final render and the cover. The graph: each scene becomes
/// exactly its number of frames (stills through zoompan from ONE decoded frame; clips scaled and cropped to fill the
/// frame, looped and trimmed), neighbouring scenes overlap by the transition and are joined with xfade, captions are
/// burnt in with libass, the narration is padded with silence so the output lasts exactly the scenes' total.</summary>
public static class FfmpegCommand
{
    public static IReadOnlyList<string> Render(RenderPlan plan)
    {
        var s = plan.Settings;
        if (plan.Scenes.Count == 0) throw new ArgumentException("A render needs at least one scene", nameof(plan));
        var timeline = SceneFrames.Plan(plan.Scenes, s);
        var args = new List<string> { "-hide_banner", "-nostdin", "-nostats", "-loglevel", "error", "-y" };
        for (var i = 0; i < plan.Scenes.Count; i++)
        {
            var scene = plan.Scenes[i];
            if (scene.Kind == VisualKind.Video)
                args.AddRange(["-stream_loop", "-1", "-t", Seconds(timeline.InputFrames[i] / (double)s.Fps + 1), "-i", scene.VisualPath]);
            else
                args.AddRange(["-i", scene.VisualPath]);
        }
        args.AddRange(["-i", plan.NarrationWavPath]);

        var graph = new List<string>();
        for (var i = 0; i < plan.Scenes.Count; i++)
            graph.Add($"[{i}:v]{SceneFilter(plan.Scenes[i].Kind, i, timeline.InputFrames[i], s)}[v{i}]");
        var joined = Join(plan.Scenes.Count, timeline, s, graph);
        graph.Add($"[{joined}]ass=filename={FilterEscaping.OptionValue(plan.AssPath)},format=yuv420p[vout]");
        graph.Add($"[{plan.Scenes.Count}:a]apad[aout]");

        args.AddRange(["-filter_complex", string.Join(';', graph), "-map", "[vout]", "-map", "[aout]",
            "-c:v", "libx264", "-preset", s.Preset, "-crf", s.Crf.ToString(CultureInfo.InvariantCulture), "-pix_fmt", "yuv420p",
            "-r", s.Fps.ToString(CultureInfo.InvariantCulture),
            "-c:a", "aac", "-b:a", $"{s.AudioBitrateK}k", "-ar", "44100",
            "-movflags", "+faststart", "-t", Seconds(timeline.TotalFrames / (double)s.Fps), plan.OutputPath]);
        return args;
    }

    public static IReadOnlyList<string> Cover(string videoPath, double atSeconds, string outputJpgPath) =>
        ["-hide_banner", "-nostdin", "-loglevel", "error", "-y", "-ss", Seconds(atSeconds), "-i", videoPath,
         "-frames:v", "1", "-q:v", "2", "-update", "1", outputJpgPath];

    private static string SceneFilter(VisualKind kind, int index, int frames, RenderSettings s)
    {
        var fps = s.Fps.ToString(CultureInfo.InvariantCulture);
        if (kind == VisualKind.Video)
            return $"scale={s.Width}:{s.Height}:force_original_aspect_ratio=increase,crop={s.Width}:{s.Height},setsar=1,fps={fps}," +
                   $"tpad=stop_mode=clone:stop=-1,trim=end_frame={frames},setpts=PTS-STARTPTS,format=yuv420p,settb=1/{fps}";

        // 10 % headroom around the frame for the motion. Measured: the encoder, not zoompan, is the cost of a moving still
        // (a static still encodes almost for free); zooming before or after the yuv420p conversion costs the same.
        var w = Even(s.Width * 1.1);
        var h = Even(s.Height * 1.1);
        return $"scale={w}:{h}:force_original_aspect_ratio=increase,crop={w}:{h},setsar=1,format=yuv420p," +
               $"zoompan={Motion(index, frames)}:d={frames}:s={s.Width}x{s.Height}:fps={fps},setsar=1,settb=1/{fps}";
    }

    /// <summary>Scenes alternate between a slow zoom in, a slow zoom out and a sideways pan, so cuts feel intentional.</summary>
    private static string Motion(int index, int frames) => (index % 3) switch
    {
        0 => $"z='1+0.08*on/{frames}':x='iw/2-(iw/zoom/2)':y='ih/2-(ih/zoom/2)'",
        1 => $"z='1.08-0.08*on/{frames}':x='iw/2-(iw/zoom/2)':y='ih/2-(ih/zoom/2)'",
        _ => $"z='1.08':x='(iw-iw/zoom)*on/{frames}':y='ih/2-(ih/zoom/2)'",
    };

    private static string Join(int count, SceneFrames timeline, RenderSettings s, List<string> graph)
    {
        if (count == 1) return "v0";
        if (timeline.TransitionFrames == 0)
        {
            graph.Add(string.Concat(Enumerable.Range(0, count).Select(i => $"[v{i}]")) + $"concat=n={count}:v=1:a=0[vj]");
            return "vj";
        }
        var previous = "v0";
        var duration = Seconds(timeline.TransitionFrames / (double)s.Fps);
        for (var k = 1; k < count; k++)
        {
            var label = $"x{k}";
            // Offset = where scene k starts on the final timeline; each earlier scene was lengthened by the transition.
            graph.Add($"[{previous}][v{k}]xfade=transition=fade:duration={duration}:offset={Seconds(timeline.StartFrames[k] / (double)s.Fps)}[{label}]");
            previous = label;
        }
        return previous;
    }

    private static int Even(double value) => (int)Math.Ceiling(value / 2) * 2;

    private static string Seconds(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
