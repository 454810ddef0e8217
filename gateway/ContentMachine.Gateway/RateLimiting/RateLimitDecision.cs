namespace ContentMachine.Gateway.RateLimiting;

/// <summary>What the bucket said: allowed or not, tokens left, seconds until a token is back (for Retry-After) and
/// until the bucket is full again (RateLimit-Reset).</summary>
public sealed record RateLimitDecision(bool Allowed, int Limit, double Remaining, double RetryAfterSeconds, double ResetSeconds);
