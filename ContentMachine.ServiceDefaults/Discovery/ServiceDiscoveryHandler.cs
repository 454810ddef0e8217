namespace ContentMachine.ServiceDefaults.Discovery;

/// <summary>Rewrites <c>http://storage/...</c> to one configured replica of the storage service. Hosts that are not a
/// configured service name pass through untouched.</summary>
public sealed class ServiceDiscoveryHandler(ServiceEndpointResolver resolver) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.RequestUri is { IsAbsoluteUri: true } uri && uri.IsDefaultPort && !uri.Host.Contains('.')
            && resolver.Resolve(uri.Host, uri.Scheme) is { } endpoint)
        {
            request.RequestUri = new UriBuilder(uri) { Scheme = endpoint.Scheme, Host = endpoint.Host, Port = endpoint.Port }.Uri;
        }
        return base.SendAsync(request, cancellationToken);
    }
}
