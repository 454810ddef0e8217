namespace ContentMachine.Pipeline.Media.Narration;

/// <summary>A synthesiser's word event: where in the text (UTF-16 index, 0-based) and when (ms into the audio).</summary>
public readonly record struct WordEvent(int CharIndex, int Length, int StartMs);
