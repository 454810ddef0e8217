namespace ContentMachine.Pipeline.Tests;

public class AssDocumentTests
{
    private static string[] Dialogues(string ass) =>
        ass.Split('\n').Where(l => l.StartsWith("Dialogue:", StringComparison.Ordinal)).Select(l => l.TrimEnd('\r')).ToArray();

    [Fact]
    public void Each_spoken_word_gets_an_event_showing_its_line_with_that_word_highlighted()
    {
        var lines = CaptionTimeline.Build([Media.W("Hello", 0, 400), Media.W("big", 400, 700), Media.W("world.", 700, 1510), Media.W("Again", 1510, 2000)]);

        var dialogues = Dialogues(AssDocument.Write(lines));

        dialogues.Should().Equal(
            @"Dialogue: 0,0:00:00.00,0:00:00.40,Caption,,0,0,0,,{\1c&H00D7FF&}Hello{\r} big world.",
            @"Dialogue: 0,0:00:00.40,0:00:00.70,Caption,,0,0,0,,Hello {\1c&H00D7FF&}big{\r} world.",
            @"Dialogue: 0,0:00:00.70,0:00:01.51,Caption,,0,0,0,,Hello big {\1c&H00D7FF&}world.{\r}",
            @"Dialogue: 0,0:00:01.51,0:00:02.00,Caption,,0,0,0,,{\1c&H00D7FF&}Again{\r}");
    }

    [Fact]
    public void The_header_sets_the_frame_the_bold_dejavu_style_and_safe_margins()
    {
        var ass = AssDocument.Write([], 1080, 1920);

        ass.Should().Contain("PlayResX: 1080").And.Contain("PlayResY: 1920");
        var style = ass.Split('\n').Single(l => l.StartsWith("Style: Caption,", StringComparison.Ordinal)).Trim().Split(',');
        style[1].Should().Be("DejaVu Sans");
        style[7].Should().Be("-1", "bold");
        style[18].Should().Be("2", "bottom centre, pushed up by MarginV");
        int.Parse(style[21]).Should().BeGreaterThan((int)(1920 * 0.2), "clear of the bottom 20 % where the platforms draw their UI");
        var fontSize = int.Parse(style[2]);
        (1920 - int.Parse(style[21]) - 2 * fontSize * 1.3).Should().BeGreaterThan(1920 * 0.1, "two wrapped lines stay below the top 10 %");
        int.Parse(style[19]).Should().BeGreaterThan(0);
    }

    [Fact]
    public void Braces_and_backslashes_in_words_cannot_become_override_tags()
    {
        var ass = AssDocument.Write(CaptionTimeline.Build([Media.W("{\\b1}bold", 0, 500), Media.W("C:\\new", 500, 900)]));

        var text = Dialogues(ass)[0].Split(",,0,0,0,,")[1];
        text.Should().Contain("\\{\\\u2060b1\\}bold").And.Contain("C:\\\u2060new");
        text.Replace("{\\1c&H00D7FF&}", "").Replace("{\\r}", "").Replace("\\{", "").Replace("\\}", "")
            .Should().NotContainAny("{", "}");
    }

    [Theory]
    [InlineData(0, "0:00:00.00")]
    [InlineData(1234, "0:00:01.23")]
    [InlineData(61_999, "0:01:01.99")]
    [InlineData(3_723_450, "1:02:03.45")]
    public void Times_are_written_in_centiseconds(int ms, string expected) => AssDocument.Time(ms).Should().Be(expected);
}
