using ContentMachine.Web;

namespace ContentMachine.AppHost.Telemetry.Dashboard;

/// <summary>The dashboard's front end: one page (index.html) for every page address, its script and style sheet, all
/// embedded in the AppHost (nothing from a CDN), with headers that let the page load only its own files.</summary>
internal static class DashboardPages
{
    public static readonly string[] PageRoutes = ["/", "/resources", "/console/{name?}", "/logs", "/traces", "/traces/{traceId}", "/metrics"];

    private const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
        + "frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

    private static readonly EmbeddedWebFiles Files = new("dashboard",
        ("index.html", "text/html; charset=utf-8"), ("dom.js", "text/javascript; charset=utf-8"),
        ("app.js", "text/javascript; charset=utf-8"), ("app.css", "text/css; charset=utf-8"));

    public static void MapDashboardPages(this IEndpointRouteBuilder app)
    {
        foreach (var route in PageRoutes) app.MapGet(route, () => Files.Serve("index.html")).WithName($"DashboardPage{route}").ExcludeFromDescription();
        foreach (var asset in Files.Names.Where(f => f != "index.html")) app.MapGet($"/{asset}", () => Files.Serve(asset)).ExcludeFromDescription();
    }

    /// <summary>On every dashboard response, pages and API alike.</summary>
    public static Task AddSecurityHeaders(HttpContext context, RequestDelegate next)
    {
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        headers.CacheControl = "no-store";
        return next(context);
    }
}
