using System.ComponentModel.DataAnnotations;

namespace ContentMachine.Gateway.Auth;

public sealed class AuthOptions : IValidatableObject
{
    public const string Section = "Gateway:Auth";

    /// <summary>Off only for benchmarks and tests, and then only on a loopback address (checked at start).</summary>
    public bool Enabled { get; set; } = true;

    public List<ConfiguredApiKey> Keys { get; set; } = [];

    /// <summary>How long a replica trusts what it read about a key; a revocation reaches the other replicas within it
    /// (at once on the replica that revoked).</summary>
    public TimeSpan KeyCacheDuration { get; set; } = TimeSpan.FromSeconds(5);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var (key, i) in Keys.Select((k, i) => (k, i)))
        {
            if (key.Hash.Length != 64 || !ApiKeySecret.IsLowerHex(key.Hash))
                yield return new($"Gateway:Auth:Keys:{i}:Hash must be the 64-hex-digit SHA-256 of the key.");
            if (key.Scopes.Count == 0 || key.Scopes.Any(s => !ApiKeyScopes.IsKnown(s)))
                yield return new($"Gateway:Auth:Keys:{i}:Scopes must name scopes among {string.Join(", ", ApiKeyScopes.All)}.");
        }
        if (KeyCacheDuration < TimeSpan.Zero) yield return new("Gateway:Auth:KeyCacheDuration must not be negative.");
    }
}
