namespace ContentMachine.Pipeline.Media.Script;

/// <summary>Fills the body scenes sentence by sentence up to a word budget each. Sentences are drawn from the
/// archetype's pool in a shuffled order without repeating until the pool is used up; short fillers close the gap.</summary>
public sealed class SceneBodyBuilder(ArchetypeTemplate template, ScriptPlaceholders fill, SeededRandom random)
{
    private const int Slack = 3;
    private readonly Queue<string> _pool = new();

    public IReadOnlyList<string> Build(int sceneCount, int wordBudget)
    {
        var scenes = new List<string>(sceneCount);
        var remaining = Math.Max(wordBudget, sceneCount * 6);
        for (var i = 0; i < sceneCount; i++)
        {
            // Spread what is left over the scenes still to write, so one scene's overshoot is absorbed by the next.
            var budget = remaining / (sceneCount - i);
            var text = Scene(i + 1, sceneCount, budget);
            remaining -= ScriptText.CountWords(text);
            scenes.Add(text);
        }
        return scenes;
    }

    private string Scene(int number, int count, int budget)
    {
        var parts = new List<string>();
        var opener = fill.Fill(random.Pick(template.Openers), number, count);
        if (opener.Length > 0) parts.Add(opener);
        var words = ScriptText.CountWords(opener);
        while (words < budget - Slack)
        {
            // The first sentence that still fits; a scene with nothing in it yet takes the shortest rather than none.
            var next = NextSentenceWithin(budget + Slack - words, number, count)
                       ?? ShortestFillerWithin(budget + Slack - words, number, count)
                       ?? (parts.Count <= (opener.Length > 0 ? 1 : 0) ? ShortestSentence(number, count) : null);
            if (next is null) break;
            parts.Add(next);
            words += ScriptText.CountWords(next);
        }
        return string.Join(' ', parts);
    }

    /// <summary>Takes the first sentence of the shuffled pool that has at most <paramref name="maxWords"/> words.</summary>
    private string? NextSentenceWithin(int maxWords, int number, int count)
    {
        if (_pool.Count == 0)
            foreach (var sentence in random.Shuffle(template.Body.Concat(ArchetypeTemplates.CommonBody))) _pool.Enqueue(sentence);
        for (var i = 0; i < _pool.Count; i++)
        {
            var candidate = _pool.Dequeue();
            var filled = fill.Fill(candidate, number, count);
            if (ScriptText.CountWords(filled) <= maxWords) return filled;
            _pool.Enqueue(candidate);
        }
        return null;
    }

    private string ShortestSentence(int number, int count) =>
        template.Body.Select(b => fill.Fill(b, number, count)).MinBy(ScriptText.CountWords)!;

    private string? ShortestFillerWithin(int words, int number, int count)
    {
        var fitting = template.Fillers.Concat(ArchetypeTemplates.CommonFillers)
            .Select(f => fill.Fill(f, number, count))
            .Where(f => ScriptText.CountWords(f) <= words)
            .ToList();
        return fitting.Count == 0 ? null : random.Pick(fitting);
    }
}
