using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ContentMachine.Pipeline.Media.Script;

/// <summary>Asks an OpenAI-compatible chat endpoint for a JSON script. A failed call or an answer that does not validate
/// is retried <see cref="ScriptOptions.Retries"/> times; then <see cref="ScriptGenerationException"/> says why.</summary>
public sealed class OpenAiChatScriptWriter(HttpClient http, IOptions<ScriptOptions> options, ILogger<OpenAiChatScriptWriter> logger) : IScriptWriter
{
    public async Task<VideoScript> WriteAsync(ScriptRequest request, CancellationToken ct)
    {
        var settings = options.Value;
        var endpoint = settings.Endpoint ?? throw new ScriptGenerationException("Pipeline:Script:Endpoint is not configured");
        var attempts = settings.Retries + 1;
        var reason = "";
        for (var attempt = 1; attempt <= attempts; attempt++)
        {
            if (attempt > 1) await Task.Delay(settings.RetryDelayMs * (attempt - 1), ct);
            try
            {
                var content = await AskAsync(endpoint, settings, request, ct);
                var (script, error) = ChatScriptParser.Parse(content, request);
                if (script is not null)
                {
                    logger.LogInformation("Chat script from {Model}: {Scenes} scenes, {Words} words (attempt {Attempt})",
                        settings.Model, script.Scenes.Count, script.WordCount, attempt);
                    return script;
                }
                reason = $"invalid script: {error}";
            }
            catch (Exception e) when (e is HttpRequestException or JsonException or InvalidOperationException
                                          || (e is OperationCanceledException && !ct.IsCancellationRequested))
            {
                reason = e is OperationCanceledException ? $"no answer within {settings.TimeoutSeconds} s" : e.Message;
            }
            logger.LogWarning("Chat script attempt {Attempt} of {Attempts} failed: {Reason}", attempt, attempts, reason);
        }
        throw new ScriptGenerationException($"The script endpoint gave no usable script after {attempts} attempts; last: {reason}");
    }

    private async Task<string> AskAsync(Uri endpoint, ScriptOptions settings, ScriptRequest request, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(settings.TimeoutSeconds));
        using var message = new HttpRequestMessage(HttpMethod.Post, CompletionsUri(endpoint))
        {
            Content = JsonContent(Body(settings.Model, request)),
        };
        if (!string.IsNullOrEmpty(settings.ApiKey))
            message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", settings.ApiKey);

        using var response = await http.SendAsync(message, timeout.Token);
        var text = await response.Content.ReadAsStringAsync(timeout.Token);
        if (!response.IsSuccessStatusCode)
            throw new HttpRequestException($"HTTP {(int)response.StatusCode}: {text[..Math.Min(text.Length, 300)]}", null, response.StatusCode);

        var answer = JsonNode.Parse(text)?["choices"]?[0]?["message"]?["content"]?.GetValue<string>();
        return answer ?? throw new InvalidOperationException("the answer has no choices[0].message.content");
    }

    /// <summary>Accepts both "http://host" and "http://host/v1" (OpenAI's documented base) without doubling "/v1".</summary>
    public static Uri CompletionsUri(Uri endpoint)
    {
        var path = endpoint.AbsolutePath.TrimEnd('/');
        return new Uri(endpoint, (path.EndsWith("/v1", StringComparison.Ordinal) ? path : path + "/v1") + "/chat/completions");
    }

    private static JsonObject Body(string model, ScriptRequest request) => new()
    {
        ["model"] = model,
        ["temperature"] = 0.7,
        ["seed"] = request.Options.Seed ?? StableHash.OfTopic(request.Topic),
        ["messages"] = new JsonArray(
            new JsonObject { ["role"] = "system", ["content"] = ChatScriptSchema.SystemPrompt },
            new JsonObject { ["role"] = "user", ["content"] = ChatScriptSchema.UserPrompt(request) }),
        ["response_format"] = new JsonObject
        {
            ["type"] = "json_schema",
            ["json_schema"] = new JsonObject { ["name"] = "video_script", ["strict"] = true, ["schema"] = ChatScriptSchema.Schema() },
        },
    };

    private static StringContent JsonContent(JsonObject body) =>
        new(body.ToJsonString(), System.Text.Encoding.UTF8, "application/json");
}
