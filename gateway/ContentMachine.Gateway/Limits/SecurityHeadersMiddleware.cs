namespace ContentMachine.Gateway.Limits;

/// <summary>Browser protections on the gateway's own pages and files (the web app, Swagger UI): only its own origin may
/// supply content, no page may frame it, no MIME sniffing, no referrer sent elsewhere. The APIs' answers pass as the
/// services wrote them.</summary>
public sealed class SecurityHeadersMiddleware(RequestDelegate next)
{
    /// <summary>The web app: no inline script or style; media and images may also be blob: URLs (previews of files about
    /// to be uploaded) and images data: URIs.</summary>
    private const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; media-src 'self' blob:; img-src 'self' data: blob:; "
        + "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

    /// <summary>Swagger UI styles its elements inline and draws its icons from data: URIs.</summary>
    private const string SwaggerContentSecurityPolicy =
        "default-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:";

    public Task InvokeAsync(HttpContext context)
    {
        if (!context.Request.Path.StartsWithSegments("/api"))
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = context.Request.Path.StartsWithSegments("/swagger") ? SwaggerContentSecurityPolicy : ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
        }
        return next(context);
    }
}
