using System.Collections.Concurrent;
using StackExchange.Redis;

namespace ContentMachine.Gateway.Auth;

/// <summary>Checks a presented key: configured keys by their hash, others by the id in the key, read from the store and
/// kept for <see cref="AuthOptions.KeyCacheDuration"/>. When Redis cannot be reached, what was last read about a key
/// still counts, so that an outage of the store does not lock out the keys in use.</summary>
public sealed class ApiKeyValidator(ApiKeyStore store, IOptions<AuthOptions> options, TimeProvider time, ILogger<ApiKeyValidator> logger)
{
    private const int MaxCachedKeys = 10_000;
    private readonly IReadOnlyDictionary<string, ApiKeyRecord> _configured = options.Value.Keys
        .Select(k => k.ToRecord()).ToDictionary(k => k.Hash);
    private readonly ConcurrentDictionary<string, (ApiKeyRecord? Record, DateTimeOffset ReadAt)> _cache = new();

    public async Task<(ApiKeyVerdict Verdict, ApiKeyRecord? Key)> CheckAsync(string presented)
    {
        var hash = ApiKeySecret.Hash(presented);
        var now = time.GetUtcNow();
        if (_configured.TryGetValue(hash, out var configured)) return (Judge(configured, now), configured);
        if (ApiKeySecret.IdOf(presented) is not { } id) return (ApiKeyVerdict.Unknown, null);

        var (known, stored) = await FindAsync(id, now);
        if (!known) return (ApiKeyVerdict.Unavailable, null);
        if (stored is not { } key || !ApiKeySecret.Matches(hash, key.Hash)) return (ApiKeyVerdict.Unknown, null);
        return (Judge(key, now), key);
    }

    /// <summary>Forgets what this replica read about a key (after a change made through it).</summary>
    public void Forget(string id) => _cache.TryRemove(id, out _);

    public IReadOnlyList<ApiKeyRecord> Configured => _configured.Values.ToList();

    private static ApiKeyVerdict Judge(ApiKeyRecord key, DateTimeOffset now) =>
        key.RevokedAt is not null ? ApiKeyVerdict.Revoked : key.IsExpired(now) ? ApiKeyVerdict.Expired : ApiKeyVerdict.Valid;

    /// <summary>The stored key (null when there is none); not <c>Known</c> when the store is unreachable and this replica
    /// never read the key.</summary>
    private async Task<(bool Known, ApiKeyRecord? Key)> FindAsync(string id, DateTimeOffset now)
    {
        if (_cache.TryGetValue(id, out var cached) && now - cached.ReadAt < options.Value.KeyCacheDuration) return (true, cached.Record);
        try
        {
            var record = await store.FindAsync(id);
            if (_cache.Count >= MaxCachedKeys) _cache.Clear();
            _cache[id] = (record, now);
            return (true, record);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            logger.LogWarning("Key {KeyId} could not be read from Redis ({Error}); using what was read before: {Known}", id, ex.GetType().Name, cached.ReadAt != default);
            return (cached.ReadAt != default, cached.Record);
        }
    }
}
