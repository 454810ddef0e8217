namespace ContentMachine.Gateway.Auth;

public enum ApiKeyVerdict
{
    Valid,
    Unknown,
    Expired,
    Revoked,

    /// <summary>The key store could not be read and nothing was known about the key.</summary>
    Unavailable,
}
