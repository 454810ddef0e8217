using System.Text.RegularExpressions;

namespace ContentMachine.Pipeline.Media.Script;

/// <summary>Fills a template's placeholders for one topic; {key} draws a keyword from the script's own random sequence so
/// the choice is reproducible.</summary>
public sealed partial class ScriptPlaceholders
{
    private readonly string _topic;
    private readonly string _a;
    private readonly string _b;
    private readonly IReadOnlyList<string> _keywords;
    private readonly SeededRandom _random;

    public ScriptPlaceholders(string topic, SeededRandom random)
    {
        _topic = ScriptText.Inline(topic.Trim().TrimEnd('.', '!', '?'));
        _random = random;
        _keywords = ScriptText.Keywords(_topic) is { Count: > 0 } keys ? keys : [_topic];
        var sides = VersusSplit().Split(_topic);
        (_a, _b) = sides.Length >= 2 ? (sides[0].Trim(), sides[1].Trim()) : (_topic, "the alternative");
    }

    public IReadOnlyList<string> Keywords => _keywords;

    public string Fill(string template, int index = 0, int count = 0) =>
        Capitalise(template
            .Replace("{Topic}", ScriptText.TitleCase(_topic))
            .Replace("{topic}", _topic)
            .Replace("{A}", ScriptText.TitleCase(_a))
            .Replace("{B}", ScriptText.TitleCase(_b))
            .Replace("{a}", _a)
            .Replace("{b}", _b)
            .Replace("{i}", index.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .Replace("{n}", count.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .Replace("{key}", _random.Pick(_keywords)));

    /// <summary>A sentence may begin with a placeholder ("{a} or {b}?"): the spoken text still starts with a capital.</summary>
    private static string Capitalise(string sentence) =>
        sentence.Length > 0 && char.IsLower(sentence[0]) ? char.ToUpperInvariant(sentence[0]) + sentence[1..] : sentence;

    [GeneratedRegex(@"\s+(?:vs\.?|versus|or|against)\s+", RegexOptions.IgnoreCase)]
    private static partial Regex VersusSplit();
}
