namespace ContentMachine.Pipeline.Media.Narration;

/// <summary>One synthesis: 16-bit mono PCM and the word events of the same call (never mix calls: espeak's output drifts
/// with what was synthesised before in the process).</summary>
public sealed record EspeakSynthesis(WavFormat Format, byte[] Pcm, IReadOnlyList<WordEvent> Events)
{
    public int DurationMs => Format.MillisecondsOf(Pcm.Length);
}
