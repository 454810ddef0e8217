using ContentMachine.Web;

namespace ContentMachine.Gateway.WebApp;

/// <summary>The web app: one page (index.html) for every page address, its script, style sheet and icon, embedded in the
/// gateway (nothing from a CDN, so it works offline). It talks only to the public API under /api, like any client. Its
/// content policy is the gateway's own (SecurityHeadersMiddleware).</summary>
public static class WebAppPages
{
    public static readonly string[] PageRoutes = ["/", "/projects", "/projects/{id:guid}", "/new", "/search"];

    private static readonly EmbeddedWebFiles Files = new("webapp",
        ("index.html", "text/html; charset=utf-8"), ("dom.js", "text/javascript; charset=utf-8"), ("app.js", "text/javascript; charset=utf-8"),
        ("app.css", "text/css; charset=utf-8"), ("icon.svg", "image/svg+xml"));

    public static IEndpointRouteBuilder MapWebApp(this IEndpointRouteBuilder app)
    {
        foreach (var route in PageRoutes) app.MapGet(route, (HttpContext http) => File(http, "index.html")).WithName($"WebAppPage{route}").ExcludeFromDescription();
        foreach (var asset in Files.Names.Where(f => f != "index.html"))
            app.MapGet($"/{asset}", (HttpContext http) => File(http, asset)).WithName($"WebAppAsset/{asset}").ExcludeFromDescription();
        return app;
    }

    /// <summary>The files of the app, by name (what the tests scan).</summary>
    public static IReadOnlyCollection<string> FileNames => Files.Names;

    private static IResult File(HttpContext http, string name)
    {
        // Small files, and a new gateway may bring new ones: revalidate rather than serve a stale app.
        http.Response.Headers.CacheControl = "no-cache";
        return Files.Serve(name);
    }
}
