using System.Reflection;

namespace ContentMachine.Gateway.WebApp;

/// <summary>The web app: one page (index.html) for every page address, its script, style sheet and icon, embedded in the
/// gateway (nothing from a CDN, so it works offline). It talks only to the public API under /api, like any client.</summary>
public static class WebAppPages
{
    public static readonly string[] PageRoutes = ["/", "/projects", "/projects/{id:guid}", "/new", "/search"];

    /// <summary>Media may come from blob: URLs (previews of files about to be uploaded); everything else from here.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; media-src 'self' blob:; img-src 'self' data: blob:; "
        + "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

    private static readonly Dictionary<string, (string ContentType, byte[] Bytes)> Files = new[]
    {
        ("index.html", "text/html; charset=utf-8"), ("dom.js", "text/javascript; charset=utf-8"), ("app.js", "text/javascript; charset=utf-8"),
        ("app.css", "text/css; charset=utf-8"), ("icon.svg", "image/svg+xml"),
    }.ToDictionary(f => f.Item1, f => (f.Item2, Read(f.Item1)));

    public static IEndpointRouteBuilder MapWebApp(this IEndpointRouteBuilder app)
    {
        foreach (var route in PageRoutes) app.MapGet(route, (HttpContext http) => File(http, "index.html")).WithName($"WebAppPage{route}").ExcludeFromDescription();
        foreach (var asset in Files.Keys.Where(f => f != "index.html"))
            app.MapGet($"/{asset}", (HttpContext http) => File(http, asset)).WithName($"WebAppAsset/{asset}").ExcludeFromDescription();
        return app;
    }

    /// <summary>The files of the app, by name (what the tests scan).</summary>
    public static IReadOnlyCollection<string> FileNames => Files.Keys;

    private static IResult File(HttpContext http, string name)
    {
        var headers = http.Response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        // Small files, and a new gateway may bring new ones: revalidate rather than serve a stale app.
        headers.CacheControl = "no-cache";
        return TypedResults.Bytes(Files[name].Bytes, Files[name].ContentType);
    }

    private static byte[] Read(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream($"webapp/{name}")
            ?? throw new InvalidOperationException($"The web app's {name} is not embedded in the gateway.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
