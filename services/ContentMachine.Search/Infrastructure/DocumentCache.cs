using System.Text.Json;
using StackExchange.Redis;

namespace ContentMachine.Search.Infrastructure;

/// <summary>Read-through cache of documents in Redis. A Redis outage only costs the cache: reads fall back to the
/// database and the failure is logged, never surfaced to the caller.</summary>
public sealed class DocumentCache(IConnectionMultiplexer redis, ILogger<DocumentCache> logger)
{
    private static readonly TimeSpan Ttl = TimeSpan.FromMinutes(10);

    public async Task<DocumentResponse?> GetAsync(string id)
    {
        try
        {
            var value = await redis.GetDatabase().StringGetAsync(Key(id));
            return value.HasValue ? JsonSerializer.Deserialize<DocumentResponse>((string)value!) : null;
        }
        catch (RedisException ex)
        {
            logger.LogWarning("Document cache read failed for {DocumentId}: {Reason}", id, ex.Message);
            return null;
        }
    }

    public async Task SetAsync(DocumentResponse document)
    {
        try
        {
            await redis.GetDatabase().StringSetAsync(Key(document.Id), JsonSerializer.Serialize(document), Ttl);
        }
        catch (RedisException ex)
        {
            logger.LogWarning("Document cache write failed for {DocumentId}: {Reason}", document.Id, ex.Message);
        }
    }

    private static string Key(string id) => "search:document:" + id;
}
