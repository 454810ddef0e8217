namespace ContentMachine.Gateway.Auth;

public static class GatewayClaims
{
    /// <summary>Who is calling, for rate limits and the <c>X-ContentMachine-Key</c> header: the key id, or
    /// <c>jwt:{sub}</c> for a token.</summary>
    public const string KeyId = "key_id";

    public static string? KeyIdOf(ClaimsPrincipal user) => user.Identity?.IsAuthenticated == true ? user.FindFirstValue(KeyId) : null;
}
