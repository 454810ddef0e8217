using ContentMachine.Gateway.Auth;

namespace ContentMachine.Gateway.Admin;

/// <summary>A key as the admin API shows it: never the key, nor its hash.</summary>
public sealed record ApiKeyView(
    string Id, string Name, IReadOnlyList<string> Scopes, DateTimeOffset? CreatedAt, DateTimeOffset? ExpiresAt, DateTimeOffset? RevokedAt,
    string Status, string Source)
{
    public static ApiKeyView From(ApiKeyRecord key, DateTimeOffset now) => new(
        key.Id, key.Name, key.Scopes, key.Source == ApiKeySource.Store ? key.CreatedAt : null, key.ExpiresAt, key.RevokedAt,
        key.RevokedAt is not null ? "revoked" : key.IsExpired(now) ? "expired" : "active",
        key.Source == ApiKeySource.Store ? "api" : "configuration");
}
