namespace ContentMachine.Gateway.Auth;

/// <summary>Where a client puts its credentials: <c>X-Api-Key: {key}</c> or <c>Authorization: Bearer {key or JWT}</c>.</summary>
public static class PresentedCredentials
{
    public const string ApiKeyHeader = "X-Api-Key";

    public static string? ApiKey(HttpRequest request) =>
        request.Headers[ApiKeyHeader].ToString() is { Length: > 0 } key ? key.Trim() : Bearer(request);

    public static string? Bearer(HttpRequest request)
    {
        var value = request.Headers.Authorization.ToString();
        return value.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) && value[7..].Trim() is { Length: > 0 } token ? token : null;
    }

    /// <summary>A JWS in compact form has three dot-separated parts; an API key has no dot.</summary>
    public static bool IsJwt(string? bearer) => bearer is not null && bearer.Count(c => c == '.') == 2;
}
