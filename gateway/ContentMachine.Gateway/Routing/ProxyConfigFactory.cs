using Yarp.ReverseProxy.Configuration;

namespace ContentMachine.Gateway.Routing;

/// <summary>Builds YARP's routes and clusters from the service URLs in configuration: one cluster per service, one
/// destination per replica, a route for its API prefix (behind the scope policy when <paramref name="authorizationPolicy"/>
/// is given), routes with their own timeout (streams, downloads), and one for its OpenAPI document.</summary>
public static class ProxyConfigFactory
{
    public static (IReadOnlyList<RouteConfig> Routes, IReadOnlyList<ClusterConfig> Clusters) Create(
        ServiceEndpointResolver resolver, GatewayOptions options, IEnumerable<DownstreamService> services, string? authorizationPolicy)
    {
        var routes = new List<RouteConfig>();
        var clusters = new List<ClusterConfig>();
        foreach (var service in services)
        {
            var endpoints = resolver.GetEndpoints(service.Name);
            if (endpoints.Count == 0) continue;

            clusters.Add(new ClusterConfig
            {
                ClusterId = service.Name,
                LoadBalancingPolicy = "RoundRobin",
                HealthCheck = new HealthCheckConfig
                {
                    AvailableDestinationsPolicy = "HealthyOrPanic",
                    Active = new ActiveHealthCheckConfig
                    {
                        Enabled = true, Interval = options.DestinationProbeInterval, Timeout = TimeSpan.FromSeconds(2),
                        Policy = "ConsecutiveFailures", Path = "/alive",
                    },
                },
                Destinations = endpoints.Select((uri, i) => (uri, i))
                    .ToDictionary(x => $"{service.Name}-{x.i}", x => new DestinationConfig { Address = x.uri.AbsoluteUri }),
            });
            routes.Add(new RouteConfig
            {
                RouteId = $"{service.Name}-api",
                ClusterId = service.Name,
                Match = new RouteMatch { Path = service.PathPrefix + "/{**rest}" },
                AuthorizationPolicy = authorizationPolicy,
                TimeoutPolicy = service.TimeoutPolicy,
            });
            foreach (var (path, timeoutPolicy) in service.RouteTimeouts ?? new Dictionary<string, string>())
                routes.Add(new RouteConfig
                {
                    RouteId = $"{service.Name}-{path.Split('/').Last()}",
                    ClusterId = service.Name,
                    Order = -1,
                    Match = new RouteMatch { Path = path },
                    AuthorizationPolicy = authorizationPolicy,
                    TimeoutPolicy = timeoutPolicy,
                });
            routes.Add(new RouteConfig
            {
                RouteId = $"{service.Name}-openapi",
                ClusterId = service.Name,
                Match = new RouteMatch { Path = $"/openapi/{service.Name}.json", Methods = ["GET"] },
                Transforms = [new Dictionary<string, string> { ["PathSet"] = "/openapi/v1.json" }],
            });
        }
        return (routes, clusters);
    }
}
