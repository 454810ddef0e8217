using ContentMachine.Gateway.Auth;

namespace ContentMachine.Gateway;

/// <summary>The gateway's high-rate log lines, source-generated. Keys appear by id only, never the key or its hash.</summary>
internal static partial class GatewayLog
{
    [LoggerMessage(1, LogLevel.Information, "API key {KeyId} refused: {Verdict}")]
    public static partial void KeyRefused(ILogger logger, string keyId, ApiKeyVerdict verdict);

    [LoggerMessage(2, LogLevel.Warning, "Rate limits could not be checked ({Error}); the request is {Outcome} (Gateway:RateLimits:FailOpen)")]
    public static partial void RateLimitUnavailable(ILogger logger, string error, string outcome);

    [LoggerMessage(3, LogLevel.Information, "API key {KeyId} ({KeyName}) created with scopes {Scopes}")]
    public static partial void KeyCreated(ILogger logger, string keyId, string keyName, string scopes);

    [LoggerMessage(4, LogLevel.Information, "API key {KeyId} ({KeyName}) revoked")]
    public static partial void KeyRevoked(ILogger logger, string keyId, string keyName);
}
