using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ContentMachine.Gateway.Health;

/// <summary>A service is healthy when every replica's /health answers 200, degraded when only some do, unhealthy when
/// none does (or none is configured). Each replica's status is listed in the check's data.</summary>
public sealed class DownstreamHealthCheck(DownstreamService service, ServiceEndpointResolver resolver, IHttpClientFactory clients) : IHealthCheck
{
    public const string HttpClientName = "downstream-health";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var endpoints = resolver.GetEndpoints(service.Name);
        if (endpoints.Count == 0)
            return HealthCheckResult.Unhealthy($"No replica of {service.Name} is configured (services__{service.Name}__http__0).");

        var client = clients.CreateClient(HttpClientName);
        var results = await Task.WhenAll(endpoints.Select(e => ProbeAsync(client, e, cancellationToken)));
        var data = results.ToDictionary(r => r.Endpoint, r => (object)r.Status);
        var healthy = results.Count(r => r.Status == "Healthy");
        return healthy == results.Length ? HealthCheckResult.Healthy($"{healthy}/{results.Length} replicas healthy", data)
            : healthy > 0 ? HealthCheckResult.Degraded($"{healthy}/{results.Length} replicas healthy", data: data)
            : HealthCheckResult.Unhealthy($"0/{results.Length} replicas healthy", data: data);
    }

    private static async Task<(string Endpoint, string Status)> ProbeAsync(HttpClient client, Uri endpoint, CancellationToken ct)
    {
        try
        {
            using var response = await client.GetAsync(new Uri(endpoint, "/health"), ct);
            return (endpoint.Authority, response.IsSuccessStatusCode ? "Healthy" : $"Unhealthy ({(int)response.StatusCode})");
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            return (endpoint.Authority, $"Unreachable ({ex.GetType().Name})");
        }
    }
}
