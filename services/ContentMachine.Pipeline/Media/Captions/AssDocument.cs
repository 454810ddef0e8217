using System.Globalization;
using System.Text;

namespace ContentMachine.Pipeline.Media.Captions;

/// <summary>Writes caption lines as an ASS subtitle script for libass (ffmpeg's ass= filter).
/// Highlight: one Dialogue event per spoken word rather than karaoke \k. \k fills words as they pass and leaves them
/// filled, so the viewer sees "everything said so far"; per-word events show the whole line with only the word being
/// spoken in the highlight colour, and each event ends exactly where the next begins (no flicker, no overlap).
/// Placement: bottom-centred with a bottom margin of 28 % of the height and 12 % side margins, so text stays clear of
/// the bottom ~20 % and the right-hand buttons where Shorts/TikTok/Reels draw their UI; four words wrap upward at most
/// to about the middle of the frame, far from the top 10 %.</summary>
public static class AssDocument
{
    /// <summary>ASS colours are &amp;HAABBGGRR: white text, gold highlight, black outline, half-transparent shadow.</summary>
    public const string TextColour = "&H00FFFFFF";
    public const string HighlightColour = "&H0000D7FF";
    public const string FontName = "DejaVu Sans";

    /// <summary>The highlight in the \1c override form (&amp;HBBGGRR&amp;, no alpha).</summary>
    private const string HighlightOverride = "&H00D7FF&";

    public static string Write(IReadOnlyList<CaptionLine> lines, int width = 1080, int height = 1920)
    {
        var fontSize = (int)Math.Round(height * 0.047);
        var outline = Math.Max(2, (int)Math.Round(height / 320.0));
        var side = (int)Math.Round(width * 0.12);
        var bottom = (int)Math.Round(height * 0.28);
        var ass = new StringBuilder()
            .AppendLine("[Script Info]")
            .AppendLine("; ContentMachine captions: one event per spoken word, the word being spoken in the highlight colour")
            .AppendLine("ScriptType: v4.00+")
            .AppendLine(Invariant($"PlayResX: {width}"))
            .AppendLine(Invariant($"PlayResY: {height}"))
            .AppendLine("WrapStyle: 0")
            .AppendLine("ScaledBorderAndShadow: yes")
            .AppendLine("YCbCr Matrix: TV.709")
            .AppendLine()
            .AppendLine("[V4+ Styles]")
            .AppendLine("Format: Name, Fontname, Fontsize, PrimaryColour, SecondaryColour, OutlineColour, BackColour, Bold, Italic, Underline, StrikeOut, ScaleX, ScaleY, Spacing, Angle, BorderStyle, Outline, Shadow, Alignment, MarginL, MarginR, MarginV, Encoding")
            .AppendLine(Invariant($"Style: Caption,{FontName},{fontSize},{TextColour},{TextColour},&H00000000,&H80000000,-1,0,0,0,100,100,0,0,1,{outline},{outline / 2},2,{side},{side},{bottom},1"))
            .AppendLine()
            .AppendLine("[Events]")
            .AppendLine("Format: Layer, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text");
        foreach (var line in lines) AppendLine(ass, line);
        return ass.ToString();
    }

    private static void AppendLine(StringBuilder ass, CaptionLine line)
    {
        var words = line.Words;
        for (var i = 0; i < words.Count; i++)
        {
            var start = i == 0 ? line.StartMs : Math.Max(words[i].StartMs, line.StartMs);
            var end = i + 1 < words.Count ? Math.Min(words[i + 1].StartMs, line.EndMs) : line.EndMs;
            if (Centiseconds(end) <= Centiseconds(start)) continue;
            var text = string.Join(' ', words.Select((w, j) => j == i ? $"{{\\1c{HighlightOverride}}}{Escape(w.Word)}{{\\r}}" : Escape(w.Word)));
            ass.AppendLine($"Dialogue: 0,{Time(start)},{Time(end)},Caption,,0,0,0,,{text}");
        }
    }

    /// <summary>Braces open override blocks and a backslash starts a tag (\N, \h): braces are escaped the libass way,
    /// and a backslash gets an invisible word joiner after it so it can never combine with the next character.</summary>
    public static string Escape(string text) =>
        text.Replace("\\", "\\\u2060").Replace("{", "\\{").Replace("}", "\\}").Replace("\r", "").Replace("\n", " ");

    /// <summary>h:mm:ss.cc; times are floored to centiseconds so an event ending at t and the next starting at t agree.</summary>
    public static string Time(int ms)
    {
        var cs = Centiseconds(ms);
        return Invariant($"{cs / 360000}:{cs / 6000 % 60:00}:{cs / 100 % 60:00}.{cs % 100:00}");
    }

    private static int Centiseconds(int ms) => Math.Max(0, ms) / 10;

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
