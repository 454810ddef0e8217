using ContentMachine.Pipeline.Media.Narration;

namespace ContentMachine.Pipeline.Media.Captions;

/// <summary>What is on screen at once: 1-4 words, shown from <see cref="StartMs"/> until <see cref="EndMs"/>.</summary>
public sealed record CaptionLine(int StartMs, int EndMs, IReadOnlyList<WordTiming> Words)
{
    public string Text => string.Join(' ', Words.Select(w => w.Word));
}
