using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using ContentMachine.Pipeline.Media.Narration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ContentMachine.Pipeline.Media.Speech;

/// <summary>Narration from an OpenAI-compatible speech endpoint (POST {endpoint}/v1/audio/speech, WAV back). Such
/// endpoints return no word times, so they are spread over the audio by <see cref="ProportionalTimings"/>.</summary>
public sealed class OpenAiSpeechNarrator(HttpClient http, IOptions<SpeechOptions> options, ILogger<OpenAiSpeechNarrator> logger) : INarrator
{
    public async Task<SceneNarration> NarrateAsync(NarrationRequest request, CancellationToken ct)
    {
        var o = options.Value;
        var endpoint = o.Endpoint ?? throw new InvalidOperationException("Pipeline:Narration:Endpoint is not set.");
        if (!o.Voices.TryGetValue(request.Voice, out var voice))
            throw new ArgumentException($"No speech voice is configured for '{request.Voice}'.", nameof(request));

        using var message = new HttpRequestMessage(HttpMethod.Post, new Uri(endpoint, "v1/audio/speech"))
        {
            Content = JsonContent.Create(new { model = o.Model, input = request.Text, voice, response_format = "wav", speed = o.Speed }),
        };
        if (!string.IsNullOrEmpty(o.ApiKey)) message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", o.ApiKey);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(o.TimeoutSeconds));

        var started = Stopwatch.GetTimestamp();
        using var response = await http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        if (!response.IsSuccessStatusCode)
            throw new SpeechSynthesisException($"The speech endpoint answered {(int)response.StatusCode}: {await ReasonAsync(response, timeout.Token)}");
        await using (var file = File.Create(request.OutputWavPath))
            await response.Content.CopyToAsync(file, timeout.Token);

        var (format, pcm) = WavFile.Read(request.OutputWavPath);
        var durationMs = format.MillisecondsOf(pcm.Length);
        if (durationMs == 0) throw new SpeechSynthesisException("The speech endpoint answered with no audio.");
        var words = ProportionalTimings.Spread(request.Text, durationMs);
        logger.LogInformation("Narrated {Words} words with {Voice} ({Model}) into {DurationMs} ms of audio in {ElapsedMs:F0} ms",
            words.Count, voice, o.Model, durationMs, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return new SceneNarration(request.OutputWavPath, durationMs, words);
    }

    /// <summary>The error's message from an OpenAI-style body ({"error":{"message":...}}), or the start of the body.</summary>
    private static async Task<string> ReasonAsync(HttpResponseMessage response, CancellationToken ct)
    {
        var body = await response.Content.ReadAsStringAsync(ct);
        try
        {
            if (JsonDocument.Parse(body).RootElement.TryGetProperty("error", out var error) && error.TryGetProperty("message", out var m))
                return m.GetString() ?? "";
        }
        catch (JsonException)
        {
        }
        return body.Length > 200 ? body[..200] : body;
    }
}
