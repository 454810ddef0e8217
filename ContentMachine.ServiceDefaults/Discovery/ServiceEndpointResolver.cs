namespace ContentMachine.ServiceDefaults.Discovery;

/// <summary>Finds other services from configuration, Aspire's way: <c>services__{name}__http__{i}</c> lists the replicas
/// of a service (no ServiceDiscovery package exists here). Reads on every call so that a reloaded configuration applies.</summary>
public sealed class ServiceEndpointResolver(IConfiguration configuration)
{
    private int _next = -1;

    public IReadOnlyList<Uri> GetEndpoints(string service, string scheme = "http") =>
        configuration.GetSection($"services:{service}:{scheme}").GetChildren()
            .OrderBy(c => int.TryParse(c.Key, out var i) ? i : int.MaxValue)
            .Select(c => c.Value)
            .Where(v => Uri.TryCreate(v, UriKind.Absolute, out _))
            .Select(v => new Uri(v!))
            .ToList();

    /// <summary>One endpoint of the service, taking the replicas in turn; null when the service is not configured.</summary>
    public Uri? Resolve(string service, string scheme = "http")
    {
        var endpoints = GetEndpoints(service, scheme);
        if (endpoints.Count == 0) return null;
        var index = (int)((uint)Interlocked.Increment(ref _next) % (uint)endpoints.Count);
        return endpoints[index];
    }
}
