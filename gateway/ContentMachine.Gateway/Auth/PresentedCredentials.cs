namespace ContentMachine.Gateway.Auth;

/// <summary>Where a client puts its credentials: <c>X-Api-Key: {key}</c> or <c>Authorization: Bearer {key or JWT}</c>;
/// for reads only, also the web app's <c>cm_api_key</c> cookie, which the browser sends with a video, an image or a
/// download link (elements that cannot add a header). A cookie never authorizes a change, so another site cannot make
/// a visitor's browser act with it (and it is SameSite=Strict besides).</summary>
public static class PresentedCredentials
{
    public const string ApiKeyHeader = "X-Api-Key";
    public const string ApiKeyCookie = "cm_api_key";

    public static string? ApiKey(HttpRequest request) =>
        request.Headers[ApiKeyHeader].ToString() is { Length: > 0 } key ? key.Trim() : Bearer(request) ?? ReadCookie(request);

    private static string? ReadCookie(HttpRequest request) =>
        (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)) && request.Cookies[ApiKeyCookie] is { Length: > 0 } cookie
            ? Uri.UnescapeDataString(cookie).Trim()
            : null;

    public static string? Bearer(HttpRequest request)
    {
        var value = request.Headers.Authorization.ToString();
        return value.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) && value[7..].Trim() is { Length: > 0 } token ? token : null;
    }

    /// <summary>A JWS in compact form has three dot-separated parts; an API key has no dot.</summary>
    public static bool IsJwt(string? bearer) => bearer is not null && bearer.Count(c => c == '.') == 2;
}
