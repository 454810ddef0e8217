namespace ContentMachine.AppHost.Telemetry.Dashboard;

/// <summary>The dashboard's gate, like Aspire's: the login token printed at start, presented once as <c>?t=</c> (which
/// sets a cookie and redirects to the same address without it) or on every request as a bearer token.</summary>
internal sealed class DashboardLogin(string token)
{
    public const string CookieName = "contentmachine-dashboard";

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var request = context.Request;
        if (request.Query.TryGetValue("t", out var presented) && TelemetryEndpoints.Matches(presented.ToString(), token))
        {
            context.Response.Cookies.Append(CookieName, token, new CookieOptions
            {
                HttpOnly = true, SameSite = SameSiteMode.Strict, Path = "/", IsEssential = true,
            });
            var rest = QueryString.Create(request.Query.Where(q => q.Key != "t"));
            context.Response.Redirect($"{request.PathBase}{request.Path}{rest}");
            return;
        }
        if (TelemetryEndpoints.Matches(request.Cookies[CookieName], token) || TelemetryEndpoints.Matches(Bearer(request), token))
        {
            await next(context);
            return;
        }
        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        context.Response.Headers.WWWAuthenticate = "Bearer";
    }

    private static string? Bearer(HttpRequest request) =>
        request.Headers.Authorization.ToString() is { } value && value.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            ? value["Bearer ".Length..].Trim()
            : null;
}
