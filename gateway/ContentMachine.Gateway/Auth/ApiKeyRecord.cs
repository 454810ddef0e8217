namespace ContentMachine.Gateway.Auth;

/// <summary>A key as the gateway keeps it: never the key itself, only the SHA-256 of it.</summary>
public sealed record ApiKeyRecord(
    string Id, string Name, string Hash, IReadOnlyList<string> Scopes, DateTimeOffset CreatedAt, DateTimeOffset? ExpiresAt,
    DateTimeOffset? RevokedAt, ApiKeySource Source = ApiKeySource.Store)
{
    public bool IsExpired(DateTimeOffset now) => ExpiresAt is { } expires && expires <= now;
}

/// <summary>Where a key is defined: created through the admin API (kept in Redis), or given in configuration
/// (<c>Gateway:Auth:Keys</c>, how the AppHost hands the gateway its first admin key).</summary>
public enum ApiKeySource
{
    Store,
    Configuration,
}
