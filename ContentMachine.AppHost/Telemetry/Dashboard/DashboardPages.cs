using System.Reflection;

namespace ContentMachine.AppHost.Telemetry.Dashboard;

/// <summary>The dashboard's front end: one page (index.html) for every page address, its script and style sheet, all
/// embedded in the AppHost (nothing from a CDN), with headers that let the page load only its own files.</summary>
internal static class DashboardPages
{
    public static readonly string[] PageRoutes = ["/", "/resources", "/console/{name?}", "/logs", "/traces", "/traces/{traceId}", "/metrics"];

    private const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
        + "frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

    private static readonly Dictionary<string, (string ContentType, byte[] Bytes)> Files = new[]
    {
        ("index.html", "text/html; charset=utf-8"), ("dom.js", "text/javascript; charset=utf-8"),
        ("app.js", "text/javascript; charset=utf-8"), ("app.css", "text/css; charset=utf-8"),
    }.ToDictionary(f => f.Item1, f => (f.Item2, Read(f.Item1)));

    public static void MapDashboardPages(this IEndpointRouteBuilder app)
    {
        foreach (var route in PageRoutes) app.MapGet(route, () => File("index.html")).WithName($"DashboardPage{route}").ExcludeFromDescription();
        app.MapGet("/dom.js", () => File("dom.js")).ExcludeFromDescription();
        app.MapGet("/app.js", () => File("app.js")).ExcludeFromDescription();
        app.MapGet("/app.css", () => File("app.css")).ExcludeFromDescription();
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

    private static IResult File(string name) => TypedResults.Bytes(Files[name].Bytes, Files[name].ContentType);

    private static byte[] Read(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream($"dashboard/{name}")
            ?? throw new InvalidOperationException($"The dashboard's {name} is not embedded in the AppHost.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
