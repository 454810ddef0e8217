namespace ContentMachine.Pipeline.Media.Script;

/// <summary>Picks one of a template's alternatives, reproducibly. With a single body scene, lines that count the items
/// ("Here are {n} things") would say "1 things", so lines without {n} are preferred then.</summary>
public sealed class TemplateChoice(ScriptPlaceholders fill, SeededRandom random, int bodyCount)
{
    public string Any(IReadOnlyList<string> templates) => fill.Fill(random.Pick(Candidates(templates)), 0, bodyCount);

    /// <summary>One of the alternatives of at most <paramref name="maxWords"/> words, or the shortest when none is.</summary>
    public string Within(IReadOnlyList<string> templates, int maxWords)
    {
        var filled = Candidates(templates).Select(t => fill.Fill(t, 0, bodyCount)).ToList();
        var fitting = filled.Where(f => ScriptText.CountWords(f) <= maxWords).ToList();
        return fitting.Count > 0 ? random.Pick(fitting) : filled.MinBy(ScriptText.CountWords)!;
    }

    private IReadOnlyList<string> Candidates(IReadOnlyList<string> templates)
    {
        if (bodyCount > 1) return templates;
        var uncounted = templates.Where(t => !t.Contains("{n}", StringComparison.Ordinal)).ToList();
        return uncounted.Count > 0 ? uncounted : templates;
    }
}
