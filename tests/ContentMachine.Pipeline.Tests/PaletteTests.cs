namespace ContentMachine.Pipeline.Tests;

public class PaletteTests
{
    [Fact]
    public void A_topic_gives_stable_colours_that_differ_per_scene_and_per_topic()
    {
        var scenes = Enumerable.Range(0, 8).Select(i => Palette.ForTopic("Volcanoes", i)).ToList();

        Palette.ForTopic("Volcanoes", 3).Should().Equal(scenes[3]);
        scenes.Should().OnlyContain(p => p.Count == 3 && p.All(c => System.Text.RegularExpressions.Regex.IsMatch(c, "^#[0-9A-F]{6}$")));
        scenes.Select(p => p[1]).Distinct().Should().HaveCount(8);
        Palette.ForTopic("Glaciers", 0).Should().NotEqual(scenes[0]);
    }

    [Theory]
    [InlineData(0, 1, 0.5, "#FF0000")]
    [InlineData(120, 1, 0.5, "#00FF00")]
    [InlineData(240, 1, 0.25, "#000080")]
    [InlineData(0, 0, 1, "#FFFFFF")]
    public void Hsl_converts_to_hex(double hue, double saturation, double lightness, string hex) =>
        Palette.Hex(hue, saturation, lightness).Should().Be(hex);
}
