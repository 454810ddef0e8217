using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using ContentMachine.Pipeline.Media.Speech;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ContentMachine.Pipeline.Tests;

/// <summary>The OpenAI-compatible speech narrator against an in-process fake of POST /v1/audio/speech.</summary>
public class SpeechNarratorTests
{
    private const string Key = "sk-secret-key-1234";
    private const string Text = "Octopuses have three hearts, and blue blood.";

    private sealed class FakeSpeech
    {
        public ConcurrentQueue<Func<IResult>> Answers { get; } = new();
        public ConcurrentQueue<(string Authorization, JsonNode Body)> Requests { get; } = new();

        public Task<TestBackend> StartAsync() => TestBackend.StartAsync(app => app.MapPost("/v1/audio/speech", async (HttpRequest request) =>
        {
            Requests.Enqueue((request.Headers.Authorization.ToString(), (await JsonNode.ParseAsync(request.Body))!));
            return Answers.TryDequeue(out var answer) ? answer() : Results.StatusCode(500);
        }));
    }

    private static byte[] Wav(int milliseconds, int sampleRate = 24_000)
    {
        using var wav = new MemoryStream();
        WavFile.Write(wav, new WavFormat(sampleRate, 1, 16), new byte[sampleRate * milliseconds / 1000 * 2]);
        return wav.ToArray();
    }

    private static OpenAiSpeechNarrator Narrator(Uri endpoint) =>
        new(new HttpClient(), Options.Create(new SpeechOptions { Endpoint = endpoint, ApiKey = Key, Model = "tts-test" }), NullLogger<OpenAiSpeechNarrator>.Instance);

    [Fact]
    public async Task The_audio_is_saved_and_its_words_are_spread_over_it_in_order()
    {
        var fake = new FakeSpeech();
        fake.Answers.Enqueue(() => Results.File(Wav(2400), "audio/wav"));
        await using var server = await fake.StartAsync();
        using var folder = new TempFolder();

        var narration = await Narrator(server.Url).NarrateAsync(new NarrationRequest(Text, "en-gb-male", "en", folder.File("scene.wav")), CancellationToken.None);

        narration.DurationMs.Should().Be(2400);
        narration.Words.Select(w => w.Word).Should().Equal(Text.Split(' '));
        narration.Words.Should().BeInAscendingOrder(w => w.StartMs);
        narration.Words.Zip(narration.Words.Skip(1)).Should().OnlyContain(p => p.First.EndMs == p.Second.StartMs, "no gaps, no overlaps");
        narration.Words[^1].EndMs.Should().Be(2400);
        WavFile.Read(narration.WavPath).Format.SampleRate.Should().Be(24_000);
        var (authorization, body) = fake.Requests.Single();
        authorization.Should().Be($"Bearer {Key}");
        body["model"]!.GetValue<string>().Should().Be("tts-test");
        body["voice"]!.GetValue<string>().Should().Be("fable");
        body["response_format"]!.GetValue<string>().Should().Be("wav");
        body["input"]!.GetValue<string>().Should().Be(Text);
    }

    [Fact]
    public async Task A_refusal_is_reported_with_the_endpoints_reason_and_never_the_key()
    {
        var fake = new FakeSpeech();
        fake.Answers.Enqueue(() => Results.Json(new { error = new { message = "Incorrect API key provided.", type = "invalid_request_error" } }, statusCode: 401));
        await using var server = await fake.StartAsync();
        using var folder = new TempFolder();

        var act = () => Narrator(server.Url).NarrateAsync(new NarrationRequest(Text, "en-us-female", "en", folder.File("scene.wav")), CancellationToken.None);

        (await act.Should().ThrowAsync<SpeechSynthesisException>()).Which.Message
            .Should().Contain("401").And.Contain("Incorrect API key provided.").And.NotContain(Key);
    }

    [Fact]
    public async Task Audio_without_samples_is_a_failure_not_a_silent_scene()
    {
        var fake = new FakeSpeech();
        fake.Answers.Enqueue(() => Results.File(Wav(0), "audio/wav"));
        await using var server = await fake.StartAsync();
        using var folder = new TempFolder();

        var act = () => Narrator(server.Url).NarrateAsync(new NarrationRequest(Text, "en-us-female", "en", folder.File("scene.wav")), CancellationToken.None);

        await act.Should().ThrowAsync<SpeechSynthesisException>().WithMessage("*no audio*");
    }

    [Fact]
    public void Words_ending_a_clause_get_a_longer_share_and_the_shares_cover_the_audio()
    {
        var words = ProportionalTimings.Spread("one two, three", 1400);

        words.Select(w => (w.StartMs, w.EndMs)).Should().Equal((0, 311), (311, 933), (933, 1400)); // weights 4, 8, 6
        (words[1].EndMs - words[1].StartMs).Should().BeGreaterThan(words[0].EndMs - words[0].StartMs, "a comma is a pause");
        ProportionalTimings.Spread("   ", 1000).Should().BeEmpty();
    }
}
