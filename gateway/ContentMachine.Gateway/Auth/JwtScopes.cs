using Microsoft.AspNetCore.Authentication.JwtBearer;

namespace ContentMachine.Gateway.Auth;

/// <summary>Turns a validated token's <c>scope</c> (space-separated, RFC 8693) or <c>scp</c> claims into one gateway
/// scope claim each, and names the caller <c>jwt:{sub}</c> for rate limits.</summary>
public static class JwtScopes
{
    public static Task OnTokenValidated(TokenValidatedContext context)
    {
        if (context.Principal?.Identity is not ClaimsIdentity identity) return Task.CompletedTask;
        var scopes = identity.FindAll(c => c.Type is "scope" or "scp")
            .SelectMany(c => c.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Distinct().ToList();
        foreach (var claim in identity.FindAll(c => c.Type is "scope" or "scp").ToList()) identity.RemoveClaim(claim);
        foreach (var scope in scopes) identity.AddClaim(new Claim(ApiKeyScopes.ClaimType, scope));
        var subject = identity.FindFirst("sub")?.Value ?? identity.FindFirst("client_id")?.Value ?? "anonymous";
        identity.AddClaim(new Claim(GatewayClaims.KeyId, $"jwt:{subject}"));
        return Task.CompletedTask;
    }
}
