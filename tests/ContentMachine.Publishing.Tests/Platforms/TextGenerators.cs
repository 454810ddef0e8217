using System.Text;
using FsCheck;
using FsCheck.Fluent;

namespace ContentMachine.Publishing.Tests.Platforms;

/// <summary>Texts that reach the limits: many words of letters, digits, spaces, newlines, angle brackets, # signs,
/// accented letters and emoji (surrogate pairs), next to FsCheck's own arbitrary strings.</summary>
public static class TextGenerators
{
    private static readonly string[] Pieces = ["a", "Zebra", "été", "naïve", "#tag", "<b>", ">", "<", "😀", "🚀x", "1234", "_", "—", "\n", "\n\n\n", "\t", "  ", "##", "日本語", "C#", "e\u0301"];

    public static string Text(int seed, int words)
    {
        var random = new Random(seed);
        var text = new StringBuilder();
        for (var i = 0; i < words; i++)
        {
            var parts = random.Next(1, 4);
            for (var j = 0; j < parts; j++) text.Append(Pieces[random.Next(Pieces.Length)]);
            if (random.Next(8) == 0) text.Append(new string('w', random.Next(1, 150)));
            text.Append(random.Next(5) == 0 ? "\n" : " ");
        }
        return text.ToString();
    }

    public static Arbitrary<PublicationContent> Content() => Gen.Choose(0, int.MaxValue).Zip(Gen.Choose(0, 2500)).Zip(Gen.Choose(0, 120))
        .Select(t =>
        {
            var ((seed, words), tags) = t;
            var random = new Random(seed);
            var hashtags = Enumerable.Range(0, tags).Select(i => Text(seed + i, random.Next(1, 3))).ToList();
            return new PublicationContent("projects/p/outputs/final.mp4", null, Text(seed, random.Next(0, Math.Max(1, words / 10))),
                random.Next(4) == 0 ? null : Text(seed ^ 0x5bd1e995, words), hashtags,
                random.Next(3) == 0 ? DateTimeOffset.Parse("2031-01-02T03:04:05Z") : null);
        }).ToArbitrary();
}
