namespace ContentMachine.Pipeline.Media.Narration;

/// <summary>One narration for the whole video from the scenes' WAVs: a short silence between scenes and word timings
/// moved onto the joined track's clock.</summary>
public static class NarrationTrack
{
    public static (string WavPath, int DurationMs, IReadOnlyList<WordTiming> Words, IReadOnlyList<int> SceneStartMs) Concat(
        IReadOnlyList<SceneNarration> scenes, int gapMs, string outputWavPath)
    {
        if (scenes.Count == 0) throw new ArgumentException("No scenes to join", nameof(scenes));
        var parts = scenes.Select(s => WavFile.Read(s.WavPath)).ToList();
        var format = parts[0].Format;
        var odd = parts.FirstOrDefault(p => p.Format != format);
        if (odd.Pcm is not null)
            throw new InvalidDataException($"Scene WAVs differ in format: {format} and {odd.Format}");

        var gapBytes = (long)Math.Max(0, gapMs) * format.SampleRate / 1000 * format.BlockAlign;
        var total = parts.Sum(p => (long)p.Pcm.Length) + gapBytes * (parts.Count - 1);
        var words = new List<WordTiming>();
        var starts = new List<int>(parts.Count);
        using (var output = File.Create(outputWavPath))
        {
            WavFile.WriteHeader(output, format, total);
            var silence = new byte[gapBytes];
            long written = 0;
            for (var i = 0; i < parts.Count; i++)
            {
                if (i > 0)
                {
                    output.Write(silence);
                    written += gapBytes;
                }
                // Positions in samples, converted once: rounding each scene separately would drift over many scenes.
                var startMs = format.MillisecondsOf(written);
                starts.Add(startMs);
                words.AddRange(scenes[i].Words.Select(w => w with { StartMs = w.StartMs + startMs, EndMs = w.EndMs + startMs }));
                output.Write(parts[i].Pcm);
                written += parts[i].Pcm.Length;
            }
        }
        return (outputWavPath, format.MillisecondsOf(total), words, starts);
    }

    /// <summary>How long each scene's visual stays on screen: from its narration start to the next one's (the gap goes
    /// with the scene before it), the last to the end of the track.</summary>
    public static IReadOnlyList<double> SceneDurations(IReadOnlyList<int> sceneStartMs, int durationMs) =>
        sceneStartMs.Select((start, i) => ((i + 1 < sceneStartMs.Count ? sceneStartMs[i + 1] : durationMs) - start) / 1000.0).ToList();
}
