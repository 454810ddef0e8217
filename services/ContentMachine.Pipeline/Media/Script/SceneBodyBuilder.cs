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
        var sentencesAdded = 0;
        while (words < budget - Slack)
        {
            var next = fill.Fill(NextSentence(), number, count);
            var length = ScriptText.CountWords(next);
            if (sentencesAdded > 0 && words + length > budget + Slack)
            {
                next = ShortestFillerWithin(budget + Slack - words, number, count);
                if (next.Length == 0) break;
                length = ScriptText.CountWords(next);
            }
            parts.Add(next);
            words += length;
            sentencesAdded++;
        }
        return string.Join(' ', parts);
    }

    private string NextSentence()
    {
        if (_pool.Count == 0)
            foreach (var sentence in random.Shuffle(template.Body)) _pool.Enqueue(sentence);
        return _pool.Dequeue();
    }

    private string ShortestFillerWithin(int words, int number, int count)
    {
        var fitting = template.Fillers.Concat(ArchetypeTemplates.CommonFillers)
            .Select(f => fill.Fill(f, number, count))
            .Where(f => ScriptText.CountWords(f) <= words)
            .ToList();
        return fitting.Count == 0 ? "" : random.Pick(fitting);
    }
}
