using System.Globalization;
using System.Text;

namespace ContentMachine.Pipeline.Media.Script;

/// <summary>Word counting and the topic's keywords, shared by the writers, hashtags and visual prompts.</summary>
public static class ScriptText
{
    public const double WordsPerSecond = 2.5;

    private static readonly HashSet<string> StopWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "a", "an", "the", "and", "or", "but", "of", "to", "in", "on", "for", "with", "at", "by", "from", "is", "are",
        "was", "were", "be", "how", "why", "what", "when", "where", "who", "which", "that", "this", "it", "its", "your",
        "you", "my", "our", "their", "do", "does", "did", "can", "vs", "versus", "about", "into", "than", "really",
    };

    public static int CountWords(string text) =>
        text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;

    /// <summary>The topic's content words in order, lowercase, without duplicates.</summary>
    public static IReadOnlyList<string> Keywords(string topic) =>
        topic.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .Select(w => new string(w.Where(char.IsLetterOrDigit).ToArray()).ToLowerInvariant())
            .Where(w => w.Length > 1 && !StopWords.Contains(w))
            .Distinct()
            .ToList();

    /// <summary>A topic typed as a sentence ("Why cats purr") is spoken mid-sentence as "why cats purr"; a first word
    /// that is not a function word ("NASA", "Paris") keeps its capital.</summary>
    public static string Inline(string topic)
    {
        var space = topic.IndexOf(' ');
        var first = space < 0 ? topic : topic[..space];
        return first.Length > 1 && char.IsUpper(first[0]) && !first.Skip(1).Any(char.IsUpper) && StopWords.Contains(first)
            ? char.ToLowerInvariant(first[0]) + topic[1..]
            : topic;
    }

    /// <summary>"why cats purr" -> "Why Cats Purr" (words already capitalised, e.g. "AI", are kept).</summary>
    public static string TitleCase(string text) =>
        string.Join(' ', text.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(w => char.IsLower(w[0]) ? char.ToUpper(w[0], CultureInfo.InvariantCulture) + w[1..] : w));

    /// <summary>"sleep better at night" -> "#SleepBetterAtNight"; null when nothing tag-worthy is left.</summary>
    public static string? Hashtag(string text)
    {
        var builder = new StringBuilder("#");
        foreach (var word in text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            var clean = new string(word.Where(char.IsLetterOrDigit).ToArray());
            if (clean.Length > 0) builder.Append(char.ToUpperInvariant(clean[0])).Append(clean[1..]);
        }
        return builder.Length > 1 ? builder.ToString()[..Math.Min(builder.Length, 40)] : null;
    }

    /// <summary>Cuts at a word boundary so a title never ends mid-word.</summary>
    public static string Truncate(string text, int max)
    {
        if (text.Length <= max) return text;
        var cut = text[..max];
        var space = cut.LastIndexOf(' ');
        return (space > max / 2 ? cut[..space] : cut).TrimEnd(' ', ',', ':', '-');
    }
}
