namespace ContentMachine.Pipeline.Media.Narration;

public readonly record struct WavFormat(int SampleRate, short Channels, short BitsPerSample)
{
    public int BlockAlign => Channels * BitsPerSample / 8;

    public int MillisecondsOf(long dataBytes) => (int)(dataBytes / BlockAlign * 1000 / SampleRate);
}
