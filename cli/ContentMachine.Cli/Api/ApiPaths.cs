namespace ContentMachine.Cli.Api;

/// <summary>The public API's routes, as the gateway exposes them.</summary>
public static class ApiPaths
{
    public const string Projects = "/api/projects";

    public static string Project(Guid id) => $"{Projects}/{id}";

    public static string Events(Guid id) => $"{Project(id)}/events";

    public static string Cancel(Guid id) => $"{Project(id)}/cancel";

    public static string Publish(Guid id) => $"{Project(id)}/publish";

    public static string Video(Guid id) => $"{Project(id)}/video";

    public static string ListProjects(string? status, string? query, int? limit, string? cursor) =>
        Projects + Query(("status", status), ("q", query), ("limit", limit?.ToString()), ("cursor", cursor));

    public static string Search(string query, string? status, string? topic, int? limit) =>
        "/api/search" + Query(("q", query), ("status", status), ("topic", topic), ("limit", limit?.ToString()));

    public static string Publications(Guid projectId) => $"/api/publishing/publications?projectId={projectId}";

    public static string Package(Guid publicationId) => $"/api/publishing/publications/{publicationId}/package";

    /// <summary>A stored object by key (each segment escaped, the slashes kept).</summary>
    public static string StorageObject(string key) => "/api/storage/objects/" + string.Join('/', key.Split('/').Select(Uri.EscapeDataString));

    private static string Query(params (string Name, string? Value)[] parameters)
    {
        var present = parameters.Where(p => !string.IsNullOrEmpty(p.Value)).Select(p => $"{p.Name}={Uri.EscapeDataString(p.Value!)}").ToList();
        return present.Count == 0 ? "" : "?" + string.Join('&', present);
    }
}
