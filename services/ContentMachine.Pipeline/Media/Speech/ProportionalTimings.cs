using ContentMachine.Pipeline.Media.Narration;

namespace ContentMachine.Pipeline.Media.Speech;

/// <summary>Word times for audio that came without them (a TTS endpoint answers with sound only): the duration shared
/// among the words by length, with a little more after a word that ends a clause, where speakers pause. Approximate,
/// but in order, gap-free and ending with the audio, so captions stay close to the voice.</summary>
public static class ProportionalTimings
{
    private const int PauseWeight = 3;

    public static IReadOnlyList<WordTiming> Spread(string text, int durationMs)
    {
        var words = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0) return [];
        var weights = words.Select(w => w.Length + 1 + (char.IsPunctuation(w[^1]) ? PauseWeight : 0)).ToArray();
        var total = (double)weights.Sum();
        var timings = new List<WordTiming>(words.Length);
        var elapsed = 0;
        for (var i = 0; i < words.Length; i++)
        {
            var end = i == words.Length - 1 ? durationMs : (int)Math.Round(durationMs * (weights.Take(i + 1).Sum() / total));
            timings.Add(new WordTiming(words[i], elapsed, end));
            elapsed = end;
        }
        return timings;
    }
}
