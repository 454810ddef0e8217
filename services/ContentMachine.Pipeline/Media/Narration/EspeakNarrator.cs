using System.Diagnostics;
using ContentMachine.Contracts;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ContentMachine.Pipeline.Media.Narration;

/// <summary>The offline narrator: libespeak-ng in-process. Word timings come from espeak's own word events of the same
/// call that made the audio, re-aligned to the text's tokens by <see cref="WordAligner"/>.</summary>
public sealed class EspeakNarrator(IOptions<MediaOptions> options, ILogger<EspeakNarrator> logger) : INarrator
{
    public async Task<SceneNarration> NarrateAsync(NarrationRequest request, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(request.Text)) throw new ArgumentException("Nothing to narrate: the text is empty", nameof(request));
        if (!string.IsNullOrEmpty(request.Language) && !string.Equals(Voices.LanguageOf(request.Voice), request.Language, StringComparison.OrdinalIgnoreCase))
            throw new ArgumentException($"Voice '{request.Voice}' does not speak '{request.Language}'", nameof(request));
        var voice = EspeakVoice.For(request.Voice);
        ct.ThrowIfCancellationRequested();

        var started = Stopwatch.GetTimestamp();
        // Off the caller's thread: the call holds the process-wide espeak lock for tens of milliseconds.
        var synthesis = await Task.Run(() => EspeakEngine.Synthesize(request.Text, voice, options.Value.SpeechRateWpm), ct);
        var words = WordAligner.Align(request.Text, synthesis.Events, synthesis.DurationMs);
        await WavFile.WriteAsync(request.OutputWavPath, synthesis.Format, synthesis.Pcm, ct);

        logger.LogInformation("Narrated {Words} words with {Voice} into {DurationMs} ms of audio in {ElapsedMs:F0} ms",
            words.Count, request.Voice, synthesis.DurationMs, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return new SceneNarration(request.OutputWavPath, synthesis.DurationMs, words);
    }
}
