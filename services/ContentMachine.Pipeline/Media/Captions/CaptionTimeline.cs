using ContentMachine.Pipeline.Media.Narration;

namespace ContentMachine.Pipeline.Media.Captions;

/// <summary>Groups the narration's timed words into caption lines: at most <c>maxWordsPerLine</c> words, a new line after
/// a word ending a clause (so a line never reads across a sentence), lines in time order and never overlapping.</summary>
public static class CaptionTimeline
{
    private static readonly char[] ClauseEnds = ['.', ',', ':', ';', '!', '?', '…', '—'];
    private static readonly char[] Closers = ['"', '\'', ')', ']', '”', '’', '»'];

    public static IReadOnlyList<CaptionLine> Build(IReadOnlyList<WordTiming> words, int maxWordsPerLine = 4)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxWordsPerLine, 1);
        var groups = new List<List<WordTiming>>();
        var current = new List<WordTiming>();
        foreach (var word in words.Where(w => !string.IsNullOrWhiteSpace(w.Word)).OrderBy(w => w.StartMs))
        {
            current.Add(word);
            if (current.Count == maxWordsPerLine || EndsClause(word.Word))
            {
                groups.Add(current);
                current = [];
            }
        }
        if (current.Count > 0) groups.Add(current);

        var lines = new List<CaptionLine>(groups.Count);
        for (var i = 0; i < groups.Count; i++)
        {
            var start = groups[i][0].StartMs;
            var end = Math.Max(groups[i].Max(w => w.EndMs), start);
            // A line ends no later than the next one starts, whatever the timings say.
            if (i + 1 < groups.Count) end = Math.Min(end, groups[i + 1][0].StartMs);
            lines.Add(new CaptionLine(start, end, groups[i]));
        }
        return lines;
    }

    public static bool EndsClause(string word)
    {
        var trimmed = word.TrimEnd(Closers);
        return trimmed.Length > 0 && ClauseEnds.Contains(trimmed[^1]);
    }
}
