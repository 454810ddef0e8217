namespace ContentMachine.Pipeline.Tests;

/// <summary>espeak's word events re-aligned to the text's tokens (facts from espeak_words.py and the P/Invoke notes).</summary>
public class WordAlignerTests
{
    private static WordEvent E(string text, string word, int ms, int occurrence = 0)
    {
        var index = -1;
        for (var i = 0; i <= occurrence; i++) index = text.IndexOf(word, index + 1, StringComparison.Ordinal);
        return new WordEvent(index, word.Length, ms);
    }

    [Fact]
    public void Every_token_with_its_own_event_keeps_espeaks_start()
    {
        const string text = "Cats purr when happy.";
        var events = new[] { E(text, "Cats", 0), E(text, "purr", 300), E(text, "when", 620), E(text, "happy", 900) };

        var words = WordAligner.Align(text, events, 1500);

        words.Should().Equal(Media.W("Cats", 0, 300), Media.W("purr", 300, 620), Media.W("when", 620, 900), Media.W("happy.", 900, 1500));
    }

    [Fact]
    public void Merged_words_share_their_event_split_by_characters()
    {
        // espeak reports "In the" as one event on "In": "the" gets the rest of that span by character count.
        const string text = "In the morning";
        var events = new[] { new WordEvent(0, 2, 100), E(text, "morning", 600) };

        var words = WordAligner.Align(text, events, 1200);

        words.Should().Equal(Media.W("In", 100, 300), Media.W("the", 300, 600), Media.W("morning", 600, 1200));
    }

    [Fact]
    public void Empty_and_backward_events_are_ignored()
    {
        const string text = "One two three";
        var events = new[]
        {
            E(text, "One", 0), E(text, "two", 400),
            new WordEvent(0, 0, 700),            // zero length, points back to the start
            E(text, "One", 650),                 // points back in the text
            E(text, "three", 800),
        };

        var words = WordAligner.Align(text, events, 1300);

        words.Select(w => w.StartMs).Should().Equal(0, 400, 800);
        words[^1].EndMs.Should().Be(1300);
    }

    [Fact]
    public void A_number_with_several_events_takes_the_first_and_keeps_one_timing()
    {
        const string text = "Only 545,000 people";
        var events = new[]
        {
            E(text, "Only", 0), new WordEvent(5, 3, 250), new WordEvent(7, 3, 500), new WordEvent(9, 3, 800), E(text, "people", 1100),
        };

        var words = WordAligner.Align(text, events, 1600);

        words.Should().Equal(Media.W("Only", 0, 250), Media.W("545,000", 250, 1100), Media.W("people", 1100, 1600));
    }

    [Fact]
    public void Punctuation_stays_on_its_word_and_a_lone_dash_joins_the_word_before()
    {
        const string text = "Wait — really? Yes!";
        var events = new[] { E(text, "Wait", 0), E(text, "really", 500), E(text, "Yes", 1000) };

        var words = WordAligner.Align(text, events, 1400);

        words.Select(w => w.Word).Should().Equal("Wait —", "really?", "Yes!");
        words.Select(w => w.StartMs).Should().Equal(0, 500, 1000);
    }

    [Fact]
    public void Without_events_the_whole_duration_is_split_by_characters()
    {
        var words = WordAligner.Align("ab cd", [], 1000);

        words.Should().Equal(Media.W("ab", 0, 500), Media.W("cd", 500, 1000));
    }

    [Fact]
    public void Tokens_before_the_first_event_join_its_span()
    {
        const string text = "Oh well done";
        var events = new[] { E(text, "well", 200), E(text, "done", 600) };

        var words = WordAligner.Align(text, events, 1000);

        words.Select(w => w.Word).Should().Equal("Oh", "well", "done");
        words[0].StartMs.Should().Be(200);
        words.Select(w => w.StartMs).Should().BeInAscendingOrder();
        words[1].EndMs.Should().Be(600);
    }
}
