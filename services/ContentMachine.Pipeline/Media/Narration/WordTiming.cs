namespace ContentMachine.Pipeline.Media.Narration;

/// <summary>A word of the script and when it is spoken; <see cref="EndMs"/> is the next word's start, so a pause after
/// a word belongs to that word.</summary>
public sealed record WordTiming(string Word, int StartMs, int EndMs);
