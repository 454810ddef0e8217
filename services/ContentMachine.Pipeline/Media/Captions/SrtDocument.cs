using System.Globalization;
using System.Text;

namespace ContentMachine.Pipeline.Media.Captions;

/// <summary>The caption lines as SubRip: what platforms and editors take as a separate subtitle track (the export
/// packages carry it beside the video, whose captions are burnt in).</summary>
public static class SrtDocument
{
    public static string Write(IReadOnlyList<CaptionLine> lines)
    {
        var srt = new StringBuilder();
        for (var i = 0; i < lines.Count; i++)
        {
            srt.Append(i + 1).Append('\n')
                .Append(Time(lines[i].StartMs)).Append(" --> ").Append(Time(lines[i].EndMs)).Append('\n')
                .Append(string.Join(' ', lines[i].Words.Select(w => w.Word))).Append("\n\n");
        }
        return srt.ToString();
    }

    private static string Time(int ms) =>
        string.Create(CultureInfo.InvariantCulture, $"{ms / 3_600_000:00}:{ms / 60_000 % 60:00}:{ms / 1000 % 60:00},{ms % 1000:000}");
}
