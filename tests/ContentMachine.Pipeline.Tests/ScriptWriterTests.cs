namespace ContentMachine.Pipeline.Tests;

public class ScriptWriterTests
{
    private static readonly TemplateScriptWriter Writer = new(NullLogger<TemplateScriptWriter>.Instance);

    private static Task<VideoScript> WriteAsync(string topic, string archetype = Archetypes.Listicle, int seconds = 45, int? seed = null) =>
        Writer.WriteAsync(new ScriptRequest(topic, new VideoOptions { Archetype = archetype, DurationSeconds = seconds, Seed = seed }), CancellationToken.None);

    public static TheoryData<string> AllArchetypes() => new(Archetypes.All);

    [Theory]
    [MemberData(nameof(AllArchetypes))]
    public async Task The_same_topic_options_and_seed_give_the_same_script(string archetype)
    {
        var first = await WriteAsync("Why cats purr", archetype, seed: 42);
        var second = await WriteAsync("Why cats purr", archetype, seed: 42);

        second.Should().BeEquivalentTo(first, o => o.WithStrictOrdering());
    }

    [Fact]
    public async Task Without_a_seed_the_topic_fixes_the_script_and_case_or_spaces_do_not_matter()
    {
        var first = await WriteAsync("Deep sea creatures");
        var again = await WriteAsync("  deep sea creatures ");

        // The topic is spoken as written, so only its capitalisation may differ.
        again.Scenes.Select(s => s.Text.ToLowerInvariant()).Should().Equal(first.Scenes.Select(s => s.Text.ToLowerInvariant()));
    }

    [Fact]
    public async Task A_different_seed_changes_the_wording()
    {
        var seeds = await Task.WhenAll(Enumerable.Range(1, 4).Select(seed => WriteAsync("Coffee", seed: seed)));

        seeds.Select(s => string.Join('|', s.Scenes.Select(x => x.Text))).Distinct().Should().HaveCountGreaterThan(1);
    }

    [Theory]
    [MemberData(nameof(AllArchetypes))]
    public async Task Different_topics_give_visibly_different_scripts(string archetype)
    {
        var cats = await WriteAsync("cats vs dogs", archetype, seed: 7);
        var rockets = await WriteAsync("reusable rockets vs space elevators", archetype, seed: 7);

        cats.Title.Should().NotBe(rockets.Title);
        cats.Scenes[0].Text.Should().NotBe(rockets.Scenes[0].Text);
        var catWords = cats.Scenes.SelectMany(s => s.Text.Split(' ')).ToHashSet();
        var rocketWords = rockets.Scenes.SelectMany(s => s.Text.Split(' ')).ToHashSet();
        rocketWords.Except(catWords).Should().HaveCountGreaterThan(5, "the topic runs through the whole script");
        string.Join(' ', rockets.Scenes.Select(s => s.Text)).Should().Contain("rockets");
    }

    [Theory]
    [InlineData("listicle", 15)]
    [InlineData("listicle", 45)]
    [InlineData("listicle", 180)]
    [InlineData("versus", 15)]
    [InlineData("versus", 45)]
    [InlineData("versus", 180)]
    [InlineData("how-to", 15)]
    [InlineData("how-to", 45)]
    [InlineData("how-to", 180)]
    [InlineData("myth", 15)]
    [InlineData("myth", 45)]
    [InlineData("myth", 180)]
    [InlineData("story", 15)]
    [InlineData("story", 45)]
    [InlineData("story", 180)]
    public async Task Scripts_fit_the_duration_and_the_platform_limits(string archetype, int seconds)
    {
        foreach (var topic in new[] { "Sleep hygiene", "The history of the bicycle", "Tea or coffee", "Learning to juggle in a weekend" })
        {
            var script = await WriteAsync(topic, archetype, seconds);

            script.Scenes.Should().HaveCountGreaterThanOrEqualTo(3).And.HaveCountLessThanOrEqualTo(8);
            script.Scenes.Select(s => s.Sequence).Should().Equal(Enumerable.Range(1, script.Scenes.Count));
            script.Title.Should().NotBeNullOrWhiteSpace();
            script.Title.Length.Should().BeLessThanOrEqualTo(100);
            script.Description.Should().NotBeNullOrWhiteSpace();
            script.Hashtags.Should().HaveCountGreaterThanOrEqualTo(3).And.HaveCountLessThanOrEqualTo(8).And.OnlyHaveUniqueItems();
            script.Hashtags.Should().OnlyContain(t => t.StartsWith('#') && !t.Contains(' '));
            script.Scenes.Should().OnlyContain(s => s.Text.Length > 0 && s.VisualPrompt.Length > 0 && s.DurationSeconds > 0);
            var target = seconds * 2.5;
            script.WordCount.Should().BeInRange((int)(target * 0.8), (int)(target * 1.2), $"{topic} ({archetype}, {seconds} s) aims at ~{target} words");
        }
    }

    [Theory]
    [MemberData(nameof(AllArchetypes))]
    public async Task A_hook_opens_and_a_call_to_action_closes(string archetype)
    {
        var script = await WriteAsync("Honeybees", archetype, 60);

        script.Scenes[0].Text.Should().ContainEquivalentOf("honeybees");
        script.Scenes[^1].Text.Should().MatchRegex("(?i)follow|comment|share|save|vote");
        script.Scenes.Skip(1).SkipLast(1).Should().NotContain(s => System.Text.RegularExpressions.Regex.IsMatch(s.Text, @"(?i)\bfollow\b"));
    }

    [Fact]
    public async Task A_very_long_topic_still_gives_a_title_of_at_most_100_characters()
    {
        var script = await WriteAsync(string.Join(' ', Enumerable.Repeat("extraordinarily complicated", 12)), "story");

        script.Title.Length.Should().BeLessThanOrEqualTo(100);
        script.Title.Should().NotEndWith(" ");
    }

    [Fact]
    public async Task Versus_names_both_sides()
    {
        var script = await WriteAsync("Cats vs Dogs", "versus", 45, seed: 3);

        script.Title.Should().Contain("Cats").And.Contain("Dogs");
        string.Join(' ', script.Scenes.Select(s => s.Text)).Should().Contain("Cats").And.Contain("Dogs");
    }

    [Fact]
    public void The_stable_hash_never_changes()
    {
        // Pinned values: a change here would change every existing project's script, palette and seed.
        StableHash.Of("").Should().Be(2166136261u);
        StableHash.Of("a").Should().Be(0xE40C292Cu);
        StableHash.OfTopic(" Cats ").Should().Be(StableHash.OfTopic("cats"));
    }

    [Theory]
    [InlineData("Why cats purr", "why cats purr")]
    [InlineData("The Moon landing", "the Moon landing")]
    [InlineData("NASA budgets", "NASA budgets")]
    [InlineData("Paris in spring", "Paris in spring")]
    [InlineData("A", "A")]
    public void A_topic_spoken_mid_sentence_loses_only_a_function_words_capital(string topic, string inline) =>
        ScriptText.Inline(topic).Should().Be(inline);
}
