using System.ComponentModel.DataAnnotations;

namespace ContentMachine.Search.Embeddings;

/// <summary>Section <c>Search:Embeddings</c>. <c>hashing</c> (the default) works offline; <c>openai</c> calls any
/// OpenAI-compatible embeddings endpoint (<c>POST {Endpoint}/v1/embeddings</c>). The key is sent, never logged.</summary>
public sealed class EmbeddingOptions : IValidatableObject
{
    public const string Section = "Search:Embeddings";
    public const string Hashing = "hashing";
    public const string OpenAi = "openai";

    public string Provider { get; set; } = Hashing;
    public Uri? Endpoint { get; set; }
    public string? ApiKey { get; set; }
    public string Model { get; set; } = "text-embedding-3-small";

    /// <summary>The vector size; the hashing embedder's, or what the endpoint must return (checked on every response).</summary>
    [Range(8, 8192)]
    public int Dimensions { get; set; } = HashingEmbeddingGenerator.DefaultDimensions;

    /// <summary>Sends <c>dimensions</c> in the request (models that can shorten their vectors, e.g. text-embedding-3-*).</summary>
    public bool RequestDimensions { get; set; }

    /// <summary>Embeddings are cached in Redis by content hash; 0 turns the cache off.</summary>
    public TimeSpan CacheTtl { get; set; } = TimeSpan.FromDays(7);

    /// <summary>At most this many texts per request to the endpoint.</summary>
    [Range(1, 2048)]
    public int BatchSize { get; set; } = 64;

    /// <summary>The name the cache keys and the index are tied to: vectors of different models never mix.</summary>
    public string ModelKey => Provider == Hashing ? $"hashing-{Dimensions}" : $"{Model}-{Dimensions}";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Provider is not (Hashing or OpenAi))
            yield return new ValidationResult($"{Section}:Provider must be '{Hashing}' or '{OpenAi}'.", [nameof(Provider)]);
        if (Provider == OpenAi)
        {
            if (Endpoint is not { IsAbsoluteUri: true } || Endpoint.Scheme is not ("http" or "https"))
                yield return new ValidationResult($"{Section}:Endpoint must be an absolute http(s) URL when the provider is '{OpenAi}'.", [nameof(Endpoint)]);
            if (string.IsNullOrWhiteSpace(Model))
                yield return new ValidationResult($"{Section}:Model is required when the provider is '{OpenAi}'.", [nameof(Model)]);
        }
        if (CacheTtl < TimeSpan.Zero)
            yield return new ValidationResult($"{Section}:CacheTtl must not be negative.", [nameof(CacheTtl)]);
    }
}
