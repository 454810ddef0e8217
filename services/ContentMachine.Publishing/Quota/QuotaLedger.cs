using ContentMachine.Publishing.Options;
using StackExchange.Redis;

namespace ContentMachine.Publishing.Quota;

/// <summary>The YouTube quota in Redis, shared by every replica: per window, the uploads and units used. A reservation is
/// one Lua script (check and add together), so two replicas cannot both take the last upload of the day.</summary>
public sealed class QuotaLedger(IConnectionMultiplexer redis, IOptions<YouTubeOptions> options, TimeProvider clock)
{
    private const string ReserveScript = """
        local uploads = tonumber(redis.call('GET', KEYS[1]) or '0')
        local units = tonumber(redis.call('GET', KEYS[2]) or '0')
        if uploads + 1 > tonumber(ARGV[1]) or units + tonumber(ARGV[3]) > tonumber(ARGV[2]) then return 0 end
        redis.call('INCR', KEYS[1])
        redis.call('EXPIRE', KEYS[1], ARGV[4])
        redis.call('INCRBY', KEYS[2], ARGV[3])
        redis.call('EXPIRE', KEYS[2], ARGV[4])
        return 1
        """;

    private YouTubeQuotaOptions Quota => options.Value.Quota;

    public QuotaWindow CurrentWindow() => QuotaWindow.At(clock.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById(Quota.WindowTimeZone));

    /// <summary>Takes one upload's worth from the current window; null when granted, else when the next window starts.</summary>
    public async Task<DateTimeOffset?> TryReserveUploadAsync()
    {
        var window = CurrentWindow();
        var granted = (int)await redis.GetDatabase().ScriptEvaluateAsync(ReserveScript,
            [UploadsKey(window), UnitsKey(window)],
            [Quota.UploadsPerDay, Quota.UnitsPerDay, Quota.UploadCostUnits, (long)TimeSpan.FromDays(2).TotalSeconds]);
        return granted == 1 ? null : window.EndsAt;
    }

    /// <summary>YouTube said quotaExceeded: whatever the ledger thought, this window is used up.</summary>
    public async Task<DateTimeOffset> MarkExhaustedAsync()
    {
        var window = CurrentWindow();
        await redis.GetDatabase().StringSetAsync(UnitsKey(window), Quota.UnitsPerDay, TimeSpan.FromDays(2));
        return window.EndsAt;
    }

    public async Task<QuotaUsage> UsageAsync()
    {
        var window = CurrentWindow();
        var db = redis.GetDatabase();
        var uploads = (long?)await db.StringGetAsync(UploadsKey(window)) ?? 0;
        var units = (long?)await db.StringGetAsync(UnitsKey(window)) ?? 0;
        return new QuotaUsage(window.Day, window.EndsAt, uploads, Quota.UploadsPerDay, units, Quota.UnitsPerDay, Quota.UploadCostUnits);
    }

    private static string UploadsKey(QuotaWindow w) => $"publishing:youtube:quota:{w.Day}:uploads";
    private static string UnitsKey(QuotaWindow w) => $"publishing:youtube:quota:{w.Day}:units";
}

public sealed record QuotaUsage(string Window, DateTimeOffset ResetsAt, long UploadsUsed, int UploadsPerDay, long UnitsUsed, int UnitsPerDay, int UploadCostUnits);
