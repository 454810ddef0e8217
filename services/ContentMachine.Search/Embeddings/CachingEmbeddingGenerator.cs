using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.AI;
using StackExchange.Redis;

namespace ContentMachine.Search.Embeddings;

/// <summary>Keeps embeddings in Redis, keyed by the model and the SHA-256 of the text, so a text is embedded once (an
/// endpoint's cost and latency, paid once per content). A Redis outage only costs the cache: the texts are embedded
/// again and a warning is logged (at most every <see cref="WarningInterval"/>).</summary>
public sealed class CachingEmbeddingGenerator(
    IEmbeddingGenerator<string, Embedding<float>> inner, IConnectionMultiplexer redis, IOptions<EmbeddingOptions> options,
    TimeProvider clock, ILogger<CachingEmbeddingGenerator> logger) : DelegatingEmbeddingGenerator<string, Embedding<float>>(inner)
{
    public static readonly TimeSpan WarningInterval = TimeSpan.FromSeconds(30);

    private readonly EmbeddingOptions _options = options.Value;
    private long _lastWarningTicks;

    public override async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? generationOptions = null, CancellationToken cancellationToken = default)
    {
        var texts = values.ToList();
        var keys = texts.Select(Key).ToArray();
        var found = await ReadAsync(keys);
        var missing = Enumerable.Range(0, texts.Count).Where(i => found[i] is null).ToList();
        if (missing.Count > 0)
        {
            var generated = await base.GenerateAsync(missing.Select(i => texts[i]), generationOptions, cancellationToken);
            for (var j = 0; j < missing.Count; j++) found[missing[j]] = generated[j];
            await WriteAsync(missing.Select((i, j) => (keys[i], generated[j])).ToList());
        }
        return new GeneratedEmbeddings<Embedding<float>>(found!);
    }

    private async Task<Embedding<float>?[]> ReadAsync(RedisKey[] keys)
    {
        var result = new Embedding<float>?[keys.Length];
        if (keys.Length == 0 || !Usable("read")) return result;
        try
        {
            var values = await redis.GetDatabase().StringGetAsync(keys);
            for (var i = 0; i < values.Length; i++)
                if (values[i].HasValue && (byte[])values[i]! is { } bytes && bytes.Length == _options.Dimensions * sizeof(float))
                    result[i] = new Embedding<float>(MemoryMarshal.Cast<byte, float>(bytes).ToArray()) { ModelId = _options.ModelKey };
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            Warn("read", ex.Message);
        }
        return result;
    }

    private async Task WriteAsync(IReadOnlyList<(RedisKey Key, Embedding<float> Embedding)> entries)
    {
        if (entries.Count == 0 || !Usable("write")) return;
        try
        {
            var db = redis.GetDatabase();
            await Task.WhenAll(entries.Select(e => db.StringSetAsync(e.Key, MemoryMarshal.AsBytes(e.Embedding.Vector.Span).ToArray(), _options.CacheTtl)));
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            Warn("write", ex.Message);
        }
    }

    private bool Usable(string operation)
    {
        if (redis.IsConnected) return true;
        Warn(operation, "Redis is not connected");
        return false;
    }

    private void Warn(string operation, string reason)
    {
        var now = clock.GetUtcNow().UtcTicks;
        var last = Interlocked.Read(ref _lastWarningTicks);
        if (now - last < WarningInterval.Ticks || Interlocked.CompareExchange(ref _lastWarningTicks, now, last) != last) return;
        logger.LogWarning("Embedding cache {Operation} skipped, embedding without the cache: {Reason}", operation, reason);
    }

    private RedisKey Key(string text) =>
        $"search:embedding:{_options.ModelKey}:{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))}";
}
