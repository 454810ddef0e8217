namespace ContentMachine.Pipeline.Tests;

public class CaptionTimelineTests
{
    private static IReadOnlyList<WordTiming> Words(string text, int msPerWord = 300) =>
        text.Split(' ').Select((w, i) => Media.W(w, i * msPerWord, (i + 1) * msPerWord)).ToList();

    [Fact]
    public void Lines_hold_one_to_four_words_in_order_without_overlap()
    {
        var words = Words("Here are five things about sleep that nobody tells you and the last one will surprise everyone who hears it today");

        var lines = CaptionTimeline.Build(words);

        lines.Should().OnlyContain(l => l.Words.Count >= 1 && l.Words.Count <= 4);
        lines.SelectMany(l => l.Words).Should().Equal(words);
        lines.Zip(lines.Skip(1)).Should().OnlyContain(p => p.First.EndMs <= p.Second.StartMs && p.First.StartMs < p.Second.StartMs);
        lines.Should().OnlyContain(l => l.StartMs < l.EndMs);
    }

    [Fact]
    public void A_line_breaks_after_punctuation()
    {
        var lines = CaptionTimeline.Build(Words("Stop. Did you know, really? \"Yes.\" Then we go on and on"));

        lines.Select(l => l.Text).Should().Equal("Stop.", "Did you know,", "really?", "\"Yes.\"", "Then we go on", "and on");
    }

    [Fact]
    public void A_word_running_past_the_next_line_is_cut_at_its_start()
    {
        var words = new[] { Media.W("One,", 0, 900), Media.W("two", 500, 800) };

        var lines = CaptionTimeline.Build(words);

        lines[0].EndMs.Should().Be(500);
        lines[1].StartMs.Should().Be(500);
    }

    [Fact]
    public void Shorter_lines_can_be_asked_for()
    {
        CaptionTimeline.Build(Words("a b c d e"), maxWordsPerLine: 2).Select(l => l.Words.Count).Should().Equal(2, 2, 1);
        CaptionTimeline.Build([]).Should().BeEmpty();
    }
}
