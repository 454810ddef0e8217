namespace ContentMachine.Pipeline.Media.Narration;

/// <param name="Words">One timing per whitespace token of the text, relative to the start of the WAV.</param>
public sealed record SceneNarration(string WavPath, int DurationMs, IReadOnlyList<WordTiming> Words);
