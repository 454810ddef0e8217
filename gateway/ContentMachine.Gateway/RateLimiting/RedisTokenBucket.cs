using System.Globalization;
using StackExchange.Redis;

namespace ContentMachine.Gateway.RateLimiting;

/// <summary>A token bucket in Redis, refilled and taken from in one Lua script (atomic, one round trip), timed by Redis'
/// own clock, so that every gateway replica draws from the same budget whatever its own clock says.</summary>
public sealed class RedisTokenBucket(IConnectionMultiplexer redis)
{
    private const string Script = """
        local rate = tonumber(ARGV[1])
        local burst = tonumber(ARGV[2])
        local t = redis.call('TIME')
        local now = tonumber(t[1]) + tonumber(t[2]) / 1000000
        local state = redis.call('HMGET', KEYS[1], 'tokens', 'at')
        local tokens = tonumber(state[1]) or burst
        local at = tonumber(state[2]) or now
        tokens = math.min(burst, tokens + math.max(0, now - at) * rate)
        local allowed = 0
        if tokens >= 1 then
          tokens = tokens - 1
          allowed = 1
        end
        redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', tostring(now))
        redis.call('PEXPIRE', KEYS[1], math.ceil(burst / rate * 1000) + 1000)
        return { allowed, tostring(tokens), tostring(math.max(0, 1 - tokens) / rate), tostring((burst - tokens) / rate) }
        """;

    public async Task<RateLimitDecision> TakeAsync(string caller, string scopeClass, TokenBucketOptions bucket)
    {
        var result = (RedisResult[])(await redis.GetDatabase().ScriptEvaluateAsync(Script,
            [$"cm:gateway:bucket:{caller}:{scopeClass}"],
            [bucket.PermitsPerSecond.ToString(CultureInfo.InvariantCulture), bucket.Burst]))!;
        static double Number(RedisResult r) => double.Parse((string)r!, CultureInfo.InvariantCulture);
        return new RateLimitDecision((int)result[0] == 1, bucket.Burst, Number(result[1]), Number(result[2]), Number(result[3]));
    }
}
