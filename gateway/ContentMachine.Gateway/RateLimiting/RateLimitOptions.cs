using System.ComponentModel.DataAnnotations;
using ContentMachine.Gateway.Auth;

namespace ContentMachine.Gateway.RateLimiting;

/// <summary><c>Gateway:RateLimits</c>: a token bucket per key and scope class (the scope the request needs), shared by
/// every gateway replica through Redis.</summary>
public sealed class RateLimitOptions : IValidatableObject
{
    public const string Section = "Gateway:RateLimits";

    public bool Enabled { get; set; } = true;

    /// <summary>When Redis cannot be reached: true lets requests through (and /health says Degraded), false refuses
    /// them with 503 (and /health says Unhealthy).</summary>
    public bool FailOpen { get; set; } = true;

    public TokenBucketOptions Read { get; set; } = new() { PermitsPerSecond = 20, Burst = 100 };
    public TokenBucketOptions Write { get; set; } = new() { PermitsPerSecond = 5, Burst = 50 };
    public TokenBucketOptions Publish { get; set; } = new() { PermitsPerSecond = 1, Burst = 20 };
    public TokenBucketOptions Admin { get; set; } = new() { PermitsPerSecond = 2, Burst = 20 };

    public TokenBucketOptions For(string scopeClass) => scopeClass switch
    {
        ApiKeyScopes.Read => Read,
        ApiKeyScopes.Write => Write,
        ApiKeyScopes.Publish => Publish,
        _ => Admin,
    };

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) =>
        ApiKeyScopes.All.Where(s => For(s).PermitsPerSecond <= 0 || For(s).Burst < 1)
            .Select(s => new ValidationResult($"{Section}:{s}: PermitsPerSecond must be positive and Burst at least 1."));
}

public sealed class TokenBucketOptions
{
    /// <summary>Sustained rate: tokens added per second.</summary>
    public double PermitsPerSecond { get; set; }

    /// <summary>Bucket size: how many requests may come at once after a quiet spell.</summary>
    public int Burst { get; set; }
}
