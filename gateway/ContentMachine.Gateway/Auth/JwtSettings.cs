namespace ContentMachine.Gateway.Auth;

/// <summary><c>Authentication:Jwt</c>: an issuer's metadata (<c>Authority</c> + <c>Audience</c>), or a shared
/// <c>SigningKey</c> (HMAC-SHA256, at least 32 bytes) with an optional <c>Issuer</c> and <c>Audience</c>. Neither set:
/// a Bearer value is an API key.</summary>
public sealed class JwtSettings
{
    public const string Section = "Authentication:Jwt";

    public string? Authority { get; set; }
    public string? Audience { get; set; }
    public string? Issuer { get; set; }
    public string? SigningKey { get; set; }
    public bool RequireHttpsMetadata { get; set; } = true;

    public bool IsConfigured => !string.IsNullOrEmpty(Authority) || !string.IsNullOrEmpty(SigningKey);
}
