using System.Globalization;
using ContentMachine.Pipeline.Media.Script;

namespace ContentMachine.Pipeline.Media.Visuals;

/// <summary>Background colours derived from the topic: the topic's stable hash picks a base hue, each scene turns the
/// hue by the golden angle (so neighbouring scenes never look alike) and gets three neighbouring hues (deep, mid, light):
/// analogous colours read as one mood, where complementary ones looked garish behind white captions.</summary>
public static class Palette
{
    private const double GoldenAngle = 137.50776;

    public static IReadOnlyList<string> ForTopic(string topic, int sceneIndex)
    {
        var hash = StableHash.Of(topic.Trim().ToLowerInvariant());
        var hue = (hash % 360 + sceneIndex * GoldenAngle) % 360;
        var saturation = 0.55 + (hash >> 9) % 25 / 100.0;
        return
        [
            Hex(hue, saturation, 0.18),
            Hex((hue + 30) % 360, saturation, 0.38),
            Hex((hue + 60) % 360, Math.Min(1, saturation + 0.1), 0.52),
        ];
    }

    /// <summary>"#RRGGBB" of an HSL colour.</summary>
    public static string Hex(double hue, double saturation, double lightness)
    {
        var c = (1 - Math.Abs(2 * lightness - 1)) * saturation;
        var x = c * (1 - Math.Abs(hue / 60 % 2 - 1));
        var m = lightness - c / 2;
        var (r, g, b) = (int)(hue / 60) switch
        {
            0 => (c, x, 0.0),
            1 => (x, c, 0.0),
            2 => (0.0, c, x),
            3 => (0.0, x, c),
            4 => (x, 0.0, c),
            _ => (c, 0.0, x),
        };
        return string.Create(CultureInfo.InvariantCulture, $"#{Byte(r + m):X2}{Byte(g + m):X2}{Byte(b + m):X2}");
    }

    private static int Byte(double value) => (int)Math.Round(Math.Clamp(value, 0, 1) * 255);
}
