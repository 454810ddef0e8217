using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;

namespace ContentMachine.Gateway.Auth;

/// <summary>Authenticates an API key from <c>X-Api-Key</c> or <c>Authorization: Bearer</c>. Its challenge and forbid
/// answer ProblemDetails: 401 with <c>WWW-Authenticate</c> (no key, or an unknown, expired or revoked one), 503 when the
/// key store cannot be reached for a key this replica never saw, 403 naming the missing scope. Nothing it logs or
/// answers contains the key or its hash.</summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory loggers, UrlEncoder encoder,
    ApiKeyValidator validator, IProblemDetailsService problems)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, loggers, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string Challenge = $"{SchemeName} header=\"{PresentedCredentials.ApiKeyHeader}\", Bearer";
    private const string VerdictItem = "ContentMachine.ApiKeyVerdict";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (PresentedCredentials.ApiKey(Request) is not { } presented) return AuthenticateResult.NoResult();
        var (verdict, key) = await validator.CheckAsync(presented);
        Context.Items[VerdictItem] = verdict;
        if (verdict != ApiKeyVerdict.Valid || key is null)
        {
            GatewayLog.KeyRefused(Logger, key?.Id ?? "unknown", verdict);
            return AuthenticateResult.Fail($"API key refused: {verdict}");
        }
        Claim[] claims =
        [
            new(ClaimTypes.NameIdentifier, key.Id), new(ClaimTypes.Name, key.Name), new(GatewayClaims.KeyId, key.Id),
            .. key.Scopes.Select(s => new Claim(ApiKeyScopes.ClaimType, s)),
        ];
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName)), SchemeName));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        await HandleAuthenticateOnceSafeAsync();
        var verdict = Context.Items[VerdictItem] as ApiKeyVerdict?;
        var (status, title, detail) = verdict switch
        {
            null => (401, "Authentication required", $"Send an API key as {PresentedCredentials.ApiKeyHeader} or Authorization: Bearer."),
            ApiKeyVerdict.Expired => (401, "API key expired", "The API key has expired."),
            ApiKeyVerdict.Revoked => (401, "API key revoked", "The API key has been revoked."),
            ApiKeyVerdict.Unavailable => (503, "Key store unavailable", "The API key could not be checked now; try again shortly."),
            _ => (401, "Invalid API key", "The API key is not valid."),
        };
        Response.StatusCode = status;
        if (status == 401) Response.Headers.WWWAuthenticate = Challenge;
        await WriteProblemAsync(status, title, detail);
    }

    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        var required = ScopeRules.Required(Request) ?? ApiKeyScopes.Admin;
        await WriteProblemAsync(403, "Missing scope", $"{Request.Method} {Request.Path} needs the '{required}' scope, which this key does not have.");
    }

    private Task WriteProblemAsync(int status, string title, string detail) =>
        problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails = new ProblemDetails { Status = status, Title = title, Detail = detail },
        }).AsTask();
}
