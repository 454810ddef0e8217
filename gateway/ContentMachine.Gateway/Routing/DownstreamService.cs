namespace ContentMachine.Gateway.Routing;

/// <summary>A service behind the gateway: its name in configuration (<c>services__{name}__http__N</c>) and the public
/// path prefix it owns.</summary>
public sealed record DownstreamService(string Name, string PathPrefix, long? MaxRequestBodyBytes = null)
{
    /// <summary>The five services of ARCHITECTURE.md. Storage takes large uploads; the others take JSON.</summary>
    public static readonly IReadOnlyList<DownstreamService> All =
    [
        new("projects", "/api/projects"),
        new("pipeline", "/api/pipeline"),
        new("storage", "/api/storage", MaxRequestBodyBytes: 5L * 1024 * 1024 * 1024),
        new("search", "/api/search"),
        new("publishing", "/api/publishing"),
    ];
}
