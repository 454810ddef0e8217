using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.AI;

namespace ContentMachine.Search.Embeddings;

/// <summary>Any OpenAI-compatible embeddings endpoint (OpenAI, Azure-compatible proxies, Ollama, vLLM, LocalAI):
/// <c>POST {Endpoint}/v1/embeddings</c> with a bearer key. Errors become <see cref="EmbeddingProviderException"/> with the
/// provider's own message (never the key); every vector is checked to have the configured dimensions.</summary>
public sealed class OpenAiEmbeddingGenerator(HttpClient http, IOptions<EmbeddingOptions> options, ILogger<OpenAiEmbeddingGenerator> logger)
    : IEmbeddingGenerator<string, Embedding<float>>
{
    public const string HttpClientName = "embeddings";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
    };

    private readonly EmbeddingOptions _options = options.Value;

    public async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? generationOptions = null, CancellationToken cancellationToken = default)
    {
        var inputs = values.ToList();
        var result = new GeneratedEmbeddings<Embedding<float>>(inputs.Count);
        foreach (var batch in inputs.Chunk(_options.BatchSize))
            result.AddRange(await RequestAsync(batch, generationOptions?.ModelId ?? _options.Model, cancellationToken));
        return result;
    }

    private async Task<IEnumerable<Embedding<float>>> RequestAsync(string[] inputs, string model, CancellationToken ct)
    {
        var url = new Uri(_options.Endpoint!.AbsoluteUri.TrimEnd('/') + "/v1/embeddings");
        var body = new EmbeddingsRequest(model, inputs, "float", _options.RequestDimensions ? _options.Dimensions : null);
        using var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(body, Json)) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } },
        };
        if (!string.IsNullOrEmpty(_options.ApiKey)) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _options.ApiKey);

        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, ct);
        }
        catch (HttpRequestException ex)
        {
            throw new EmbeddingProviderException($"The embeddings endpoint {url.GetLeftPart(UriPartial.Authority)} could not be reached: {ex.Message}", null, true, ex);
        }
        using (response)
        {
            var text = await response.Content.ReadAsStringAsync(ct);
            if (!response.IsSuccessStatusCode)
            {
                var reason = ErrorMessage(text) ?? response.ReasonPhrase ?? "no reason given";
                var transient = response.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout || (int)response.StatusCode >= 500;
                logger.LogWarning("The embeddings endpoint answered {StatusCode} for {Count} texts with model {Model}: {Reason}",
                    (int)response.StatusCode, inputs.Length, model, reason);
                throw new EmbeddingProviderException(response.StatusCode switch
                {
                    HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => $"The embeddings endpoint rejected the API key ({(int)response.StatusCode}): {reason}",
                    _ => $"The embeddings endpoint answered {(int)response.StatusCode}: {reason}",
                }, response.StatusCode, transient);
            }
            var parsed = Parse(text);
            if (parsed.Data is not { } data || data.Count != inputs.Length)
                throw new EmbeddingProviderException($"The embeddings endpoint returned {parsed.Data?.Count ?? 0} embeddings for {inputs.Length} texts.", response.StatusCode, false);
            return data.OrderBy(d => d.Index).Select(d =>
            {
                if (d.Embedding.Length != _options.Dimensions)
                    throw new EmbeddingProviderException(
                        $"The model {parsed.Model ?? model} returned {d.Embedding.Length} dimensions; Search:Embeddings:Dimensions is {_options.Dimensions}.", response.StatusCode, false);
                return new Embedding<float>(d.Embedding) { ModelId = parsed.Model ?? model, CreatedAt = DateTimeOffset.UtcNow };
            }).ToList();
        }
    }

    private static EmbeddingsResponse Parse(string text)
    {
        try
        {
            return JsonSerializer.Deserialize<EmbeddingsResponse>(text, Json) ?? new EmbeddingsResponse(null, null);
        }
        catch (JsonException ex)
        {
            throw new EmbeddingProviderException($"The embeddings endpoint answered with something that is not an embeddings response: {ex.Message}", null, false, ex);
        }
    }

    private static string? ErrorMessage(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.TryGetProperty("error", out var error)
                ? error.ValueKind == JsonValueKind.Object && error.TryGetProperty("message", out var message) ? message.GetString() : error.ToString()
                : null;
        }
        catch (JsonException)
        {
            return body.Length == 0 ? null : body[..Math.Min(body.Length, 300)];
        }
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is not null ? null
        : serviceType == typeof(EmbeddingGeneratorMetadata) ? new EmbeddingGeneratorMetadata("openai", _options.Endpoint, _options.Model, _options.Dimensions)
        : serviceType.IsInstanceOfType(this) ? this
        : null;

    public void Dispose()
    {
    }

    private sealed record EmbeddingsRequest(string Model, string[] Input, string EncodingFormat, int? Dimensions);

    private sealed record EmbeddingsResponse(List<EmbeddingData>? Data, string? Model);

    private sealed record EmbeddingData(int Index, float[] Embedding);
}
