namespace ContentMachine.ServiceDefaults.Discovery;

/// <summary>Rewrites <c>http://storage/...</c> to one configured replica of the storage service, afresh on every attempt
/// (a retry of the same request may go to another replica). Hosts that are not a configured service name pass through.</summary>
public sealed class ServiceDiscoveryHandler(ServiceEndpointResolver resolver) : DelegatingHandler
{
    private static readonly HttpRequestOptionsKey<Uri> LogicalUri = new("ContentMachine.ServiceDiscovery.LogicalUri");

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (!request.Options.TryGetValue(LogicalUri, out var logical)) logical = request.RequestUri;
        if (logical is { IsAbsoluteUri: true } uri && uri.IsDefaultPort && !uri.Host.Contains('.')
            && resolver.Resolve(uri.Host, uri.Scheme) is { } endpoint)
        {
            request.Options.Set(LogicalUri, uri);
            request.RequestUri = new UriBuilder(uri) { Scheme = endpoint.Scheme, Host = endpoint.Host, Port = endpoint.Port }.Uri;
        }
        return base.SendAsync(request, cancellationToken);
    }
}
