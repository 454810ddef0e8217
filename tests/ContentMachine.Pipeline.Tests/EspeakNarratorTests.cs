namespace ContentMachine.Pipeline.Tests;

/// <summary>The real libespeak-ng: audio and word timings from the same call.</summary>
public class EspeakNarratorTests
{
    private const string Sentence = "Did you know that in the next ten minutes, your heart will beat about 700 times? Let's find out why.";

    [Theory]
    [InlineData("en-us-female")]
    [InlineData("en-gb-male")]
    public async Task A_sentence_becomes_a_wav_with_one_increasing_timing_per_token(string voice)
    {
        using var folder = new TempFolder();

        var narration = await Media.Narrator().NarrateAsync(new NarrationRequest(Sentence, voice, "en", folder.File("scene.wav")), CancellationToken.None);

        File.Exists(narration.WavPath).Should().BeTrue();
        var (format, pcm) = WavFile.Read(narration.WavPath);
        format.Should().Be(new WavFormat(22050, 1, 16));
        narration.DurationMs.Should().Be(format.MillisecondsOf(pcm.Length)).And.BeGreaterThan(3000);
        narration.Words.Select(w => w.Word).Should().Equal(Sentence.Split(' '));
        narration.Words.Select(w => w.StartMs).Should().BeInAscendingOrder().And.OnlyHaveUniqueItems();
        narration.Words.Should().OnlyContain(w => w.StartMs >= 0 && w.EndMs > w.StartMs && w.EndMs <= narration.DurationMs);
        narration.Words[^1].EndMs.Should().Be(narration.DurationMs);
    }

    [Fact]
    public async Task Voices_sound_different_and_all_four_work()
    {
        using var folder = new TempFolder();
        var pcms = new List<byte[]>();
        foreach (var voice in Voices.All)
        {
            var narration = await Media.Narrator().NarrateAsync(new NarrationRequest("Hello there, friend.", voice, "en", folder.File($"{voice}.wav")), CancellationToken.None);
            pcms.Add(WavFile.Read(narration.WavPath).Pcm);
        }

        pcms.Select(Convert.ToBase64String).Distinct().Should().HaveCount(4);
    }

    [Fact]
    public async Task Parallel_calls_are_serialised_and_all_succeed()
    {
        using var folder = new TempFolder();
        var narrator = Media.Narrator();

        var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(i =>
            narrator.NarrateAsync(new NarrationRequest($"Scene number {i} is short.", Voices.All[i % 4], "en", folder.File($"p{i}.wav")), CancellationToken.None)));

        results.Should().OnlyContain(r => r.Words.Count == 5 && r.DurationMs > 500);
    }

    [Fact]
    public async Task An_unknown_voice_or_empty_text_is_refused()
    {
        using var folder = new TempFolder();
        var narrator = Media.Narrator();

        await narrator.Invoking(n => n.NarrateAsync(new NarrationRequest("Hi.", "klingon", "en", folder.File("a.wav")), CancellationToken.None))
            .Should().ThrowAsync<ArgumentException>().WithMessage("*klingon*");
        await narrator.Invoking(n => n.NarrateAsync(new NarrationRequest(" ", Voices.Default, "en", folder.File("b.wav")), CancellationToken.None))
            .Should().ThrowAsync<ArgumentException>();
    }

    [Fact]
    public async Task Scenes_join_into_one_track_with_gaps_and_absolute_word_times()
    {
        using var folder = new TempFolder();
        var narrator = Media.Narrator();
        var scenes = new List<SceneNarration>();
        foreach (var (text, i) in new[] { "First scene here.", "Second one follows.", "And the end." }.Select((t, i) => (t, i)))
            scenes.Add(await narrator.NarrateAsync(new NarrationRequest(text, Voices.Default, "en", folder.File($"s{i}.wav")), CancellationToken.None));

        var track = NarrationTrack.Concat(scenes, 250, folder.File("track.wav"));

        var (format, pcm) = WavFile.Read(track.WavPath);
        track.DurationMs.Should().Be(format.MillisecondsOf(pcm.Length));
        track.DurationMs.Should().BeCloseTo(scenes.Sum(s => s.DurationMs) + 2 * 250, 3);
        track.SceneStartMs.Should().HaveCount(3);
        track.SceneStartMs[0].Should().Be(0);
        track.SceneStartMs[1].Should().BeCloseTo(scenes[0].DurationMs + 250, 1);
        track.Words.Should().HaveCount(scenes.Sum(s => s.Words.Count));
        track.Words.Select(w => w.StartMs).Should().BeInAscendingOrder();
        track.Words[3].StartMs.Should().Be(scenes[1].Words[0].StartMs + track.SceneStartMs[1]);
        track.Words[^1].EndMs.Should().Be(track.DurationMs);
        NarrationTrack.SceneDurations(track.SceneStartMs, track.DurationMs).Sum().Should().BeApproximately(track.DurationMs / 1000.0, 0.001);
    }
}
