namespace ContentMachine.Pipeline.Media.Narration;

/// <summary>Gives every whitespace token of the text a timing from the synthesiser's word events. espeak merges some
/// short words into one event ("In the" -> "In"), emits several events inside one token (numbers: "545,000" -> four),
/// and stray zero-length events pointing backwards; so a token takes the first usable event that starts inside it, and
/// tokens without one share the previous event's span, split by character count (an estimate; every other start is
/// espeak's own sample-accurate time).</summary>
public static class WordAligner
{
    public static IReadOnlyList<WordTiming> Align(string text, IReadOnlyList<WordEvent> events, int durationMs)
    {
        var tokens = Tokenise(text);
        if (tokens.Count == 0) return [];

        var anchors = AnchorTokens(tokens, events);
        var groupStarts = Enumerable.Range(0, tokens.Count).Where(i => anchors[i] is not null).ToList();
        if (groupStarts.Count == 0) return Split(tokens, 0, tokens.Count, 0, durationMs).ToList();

        var timings = new List<WordTiming>(tokens.Count);
        for (var g = 0; g < groupStarts.Count; g++)
        {
            // Tokens before the first anchored token join its group, as espeak_words.py does.
            var first = g == 0 ? 0 : groupStarts[g];
            var end = g + 1 < groupStarts.Count ? groupStarts[g + 1] : tokens.Count;
            var startMs = Math.Min(anchors[groupStarts[g]]!.Value, durationMs);
            var endMs = g + 1 < groupStarts.Count ? anchors[groupStarts[g + 1]]!.Value : durationMs;
            timings.AddRange(Split(tokens, first, end, startMs, Math.Max(endMs, startMs)));
        }
        return timings;
    }

    /// <summary>A word is a whitespace token with a letter, digit or symbol; a lone "—" is folded into the word before it
    /// (espeak gives it no event and captions should still show it).</summary>
    public static IReadOnlyList<(int Start, int End, string Text)> Tokenise(string text)
    {
        var tokens = new List<(int Start, int End, string Text)>();
        var i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && char.IsWhiteSpace(text[i])) i++;
            var start = i;
            while (i < text.Length && !char.IsWhiteSpace(text[i])) i++;
            if (i == start) break;
            var token = text[start..i];
            if (IsWord(token) || tokens.Count == 0) tokens.Add((start, i, token));
            else tokens[^1] = (tokens[^1].Start, i, tokens[^1].Text + " " + token);
        }
        return tokens;
    }

    private static bool IsWord(string token) =>
        token.Any(c => char.IsLetterOrDigit(c) || char.IsSymbol(c) || char.IsSurrogate(c));

    /// <summary>The start (ms) of the first usable event inside each token, or null. Events must move forward in time
    /// and text; zero-length and backward events are ignored.</summary>
    private static int?[] AnchorTokens(IReadOnlyList<(int Start, int End, string Text)> tokens, IReadOnlyList<WordEvent> events)
    {
        var anchors = new int?[tokens.Count];
        var lastMs = 0;
        var lastToken = -1;
        foreach (var e in events)
        {
            if (e.Length <= 0 || e.StartMs < lastMs) continue;
            var t = FindToken(tokens, e.CharIndex);
            if (t <= lastToken) continue;
            anchors[t] = e.StartMs;
            lastMs = e.StartMs;
            lastToken = t;
        }
        return anchors;
    }

    private static int FindToken(IReadOnlyList<(int Start, int End, string Text)> tokens, int charIndex)
    {
        for (var t = 0; t < tokens.Count; t++)
            if (charIndex >= tokens[t].Start && charIndex < tokens[t].End) return t;
        return -1;
    }

    private static IEnumerable<WordTiming> Split(IReadOnlyList<(int Start, int End, string Text)> tokens, int first, int end, int startMs, int endMs)
    {
        var chars = 0;
        for (var i = first; i < end; i++) chars += tokens[i].Text.Length;
        var span = endMs - startMs;
        var acc = 0;
        var result = new List<WordTiming>(end - first);
        for (var i = first; i < end; i++)
        {
            var s = startMs + (int)((long)span * acc / chars);
            acc += tokens[i].Text.Length;
            var e = startMs + (int)((long)span * acc / chars);
            result.Add(new WordTiming(tokens[i].Text, s, e));
        }
        return result;
    }
}
