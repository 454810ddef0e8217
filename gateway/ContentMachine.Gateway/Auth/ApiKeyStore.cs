using StackExchange.Redis;

namespace ContentMachine.Gateway.Auth;

/// <summary>Keys created through the admin API, in Redis (append-only persistence in the durable stack, shared by every
/// gateway replica): one hash per key (<c>cm:gateway:apikey:{id}</c>) and a set of the ids. Revoked keys are kept,
/// marked, so that the list shows what was revoked and when.</summary>
public sealed class ApiKeyStore(IConnectionMultiplexer redis)
{
    private const string SetKey = "cm:gateway:apikeys";

    private static RedisKey KeyOf(string id) => $"cm:gateway:apikey:{id}";

    public async Task SaveAsync(ApiKeyRecord key)
    {
        var db = redis.GetDatabase();
        await db.HashSetAsync(KeyOf(key.Id),
        [
            new("name", key.Name),
            new("hash", key.Hash),
            new("scopes", string.Join(' ', key.Scopes)),
            new("created", key.CreatedAt.ToUnixTimeMilliseconds()),
            new("expires", key.ExpiresAt?.ToUnixTimeMilliseconds().ToString() ?? ""),
            new("revoked", key.RevokedAt?.ToUnixTimeMilliseconds().ToString() ?? ""),
        ]);
        await db.SetAddAsync(SetKey, key.Id);
    }

    public async Task<ApiKeyRecord?> FindAsync(string id) => Read(id, await redis.GetDatabase().HashGetAllAsync(KeyOf(id)));

    public async Task<IReadOnlyList<ApiKeyRecord>> ListAsync()
    {
        var db = redis.GetDatabase();
        var ids = (await db.SetMembersAsync(SetKey)).Select(v => (string)v!).ToList();
        var records = await Task.WhenAll(ids.Select(async id => Read(id, await db.HashGetAllAsync(KeyOf(id)))));
        return records.OfType<ApiKeyRecord>().OrderBy(k => k.CreatedAt).ToList();
    }

    private static ApiKeyRecord? Read(string id, HashEntry[] entries)
    {
        if (entries.Length == 0) return null;
        var fields = entries.ToDictionary(e => (string)e.Name!, e => (string?)e.Value ?? "");
        static DateTimeOffset? Time(string value) => long.TryParse(value, out var ms) ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null;
        return new ApiKeyRecord(id, fields.GetValueOrDefault("name", ""), fields.GetValueOrDefault("hash", ""),
            fields.GetValueOrDefault("scopes", "").Split(' ', StringSplitOptions.RemoveEmptyEntries),
            Time(fields.GetValueOrDefault("created", "")) ?? DateTimeOffset.UnixEpoch,
            Time(fields.GetValueOrDefault("expires", "")), Time(fields.GetValueOrDefault("revoked", "")));
    }
}
