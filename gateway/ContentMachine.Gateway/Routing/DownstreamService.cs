namespace ContentMachine.Gateway.Routing;

/// <summary>A service behind the gateway: its name in configuration (<c>services__{name}__http__N</c>), the public path
/// prefix it owns, the timeout policy of its routes, and routes that need another (streams, downloads).</summary>
public sealed record DownstreamService(string Name, string PathPrefix, string TimeoutPolicy = TimeoutPolicies.Api,
    IReadOnlyDictionary<string, string>? RouteTimeouts = null)
{
    /// <summary>The five services of ARCHITECTURE.md. Storage moves large files; the others answer JSON, except
    /// Projects' live event stream (never timed out) and Publishing's export packages.</summary>
    public static readonly IReadOnlyList<DownstreamService> All =
    [
        new("projects", "/api/projects", RouteTimeouts: new Dictionary<string, string> { ["/api/projects/{id}/events"] = TimeoutPolicies.Disable }),
        new("pipeline", "/api/pipeline"),
        new("storage", "/api/storage", TimeoutPolicies.Transfer),
        new("search", "/api/search"),
        new("publishing", "/api/publishing",
            RouteTimeouts: new Dictionary<string, string> { ["/api/publishing/publications/{id}/package"] = TimeoutPolicies.Transfer }),
    ];
}
