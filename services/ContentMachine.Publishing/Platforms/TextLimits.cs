using System.Text;
using System.Text.RegularExpressions;

namespace ContentMachine.Publishing.Platforms;

/// <summary>Cutting text to a platform's limit without losing its beginning: at the last word boundary that fits (a single
/// word longer than the limit is cut inside), never between the halves of a surrogate pair.</summary>
public static partial class TextLimits
{
    /// <summary>Whitespace runs become one space (newlines kept as one newline), ends trimmed.</summary>
    public static string Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return "";
        var lines = text.Replace("\r\n", "\n").Split('\n').Select(l => Spaces().Replace(l, " ").Trim());
        return MultipleBlankLines().Replace(string.Join('\n', lines), "\n\n").Trim();
    }

    public static string TruncateChars(string text, int maxChars) =>
        text.Length <= maxChars ? text : AtWordBoundary(text, SafeCut(text, maxChars));

    public static string TruncateUtf8(string text, int maxBytes)
    {
        if (Encoding.UTF8.GetByteCount(text) <= maxBytes) return text;
        var chars = 0;
        var bytes = 0;
        while (chars < text.Length)
        {
            var width = char.IsHighSurrogate(text[chars]) && chars + 1 < text.Length ? 2 : 1;
            var size = Encoding.UTF8.GetByteCount(text.AsSpan(chars, width));
            if (bytes + size > maxBytes) break;
            bytes += size;
            chars += width;
        }
        return AtWordBoundary(text, chars);
    }

    /// <summary>The hashtags as #word (letters, digits, underscores), without duplicates, in their order.</summary>
    public static IReadOnlyList<string> CleanHashtags(IEnumerable<string?> hashtags)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var result = new List<string>();
        foreach (var raw in hashtags)
        {
            var word = new string((raw ?? "").Where(c => char.IsLetterOrDigit(c) || c == '_').ToArray());
            if (word.Length > 0 && word.Length <= 100 && seen.Add(word)) result.Add(word);
        }
        return result;
    }

    /// <summary>What Instagram and TikTok count as hashtags in a caption.</summary>
    public static int CountHashtags(string text) => HashtagPattern().Count(text);

    public static string OneLine(string? text) => (text ?? "").Replace('\r', ' ').Replace('\n', ' ');

    public static string RemoveAngleBrackets(string text) => text.Replace('<', ' ').Replace('>', ' ');

    private static int SafeCut(string text, int length) =>
        length > 0 && length < text.Length && char.IsLowSurrogate(text[length]) ? length - 1 : length;

    /// <summary>Cuts at <paramref name="length"/>; if that splits a word, back to the end of the previous word (when
    /// there is one), so the result is always a prefix made of whole leading words.</summary>
    private static string AtWordBoundary(string text, int length)
    {
        if (length >= text.Length) return text;
        if (char.IsWhiteSpace(text[length])) return text[..length].TrimEnd();
        var lastSpace = text.LastIndexOfAny([' ', '\n'], Math.Max(0, length - 1));
        return (lastSpace > 0 ? text[..lastSpace] : text[..length]).TrimEnd();
    }

    [GeneratedRegex(@"[ \t\f\v\u00A0]+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"\n{3,}")]
    private static partial Regex MultipleBlankLines();

    [GeneratedRegex(@"#[\p{L}\p{N}_]")]
    private static partial Regex HashtagPattern();
}
