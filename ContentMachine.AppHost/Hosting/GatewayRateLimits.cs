namespace ContentMachine.AppHost.Hosting;

/// <summary>Gateway environment for stacks that measure or test something else than the rate limits (benchmarks, the
/// end-to-end suite): budgets no client meets. Every request still takes from its Redis bucket (one Lua script), so the
/// front door's cost stays in, but none is refused.</summary>
public static class GatewayRateLimits
{
    public static readonly IReadOnlyDictionary<string, string?> Unlimited = new[] { "Read", "Write", "Publish", "Admin" }
        .SelectMany(scope => new[] { ($"Gateway__RateLimits__{scope}__PermitsPerSecond", "1000000000"), ($"Gateway__RateLimits__{scope}__Burst", "1000000000") })
        .ToDictionary(p => p.Item1, p => (string?)p.Item2);
}
