namespace ContentMachine.Gateway.Auth;

/// <summary>A key given in configuration by its SHA-256 (<c>Gateway:Auth:Keys:N</c>): the AppHost's admin key, or a
/// deployment's. It cannot be revoked through the API; remove it from the configuration instead.</summary>
public sealed class ConfiguredApiKey
{
    public string Id { get; set; } = "";
    public string Name { get; set; } = "";

    /// <summary>Lower-case hex SHA-256 of the key.</summary>
    public string Hash { get; set; } = "";

    public List<string> Scopes { get; set; } = [];
    public DateTimeOffset? ExpiresAt { get; set; }

    public ApiKeyRecord ToRecord() =>
        new(Id.Length > 0 ? Id : Hash[..12], Name, Hash.ToLowerInvariant(), Scopes, DateTimeOffset.UnixEpoch, ExpiresAt, null, ApiKeySource.Configuration);
}
