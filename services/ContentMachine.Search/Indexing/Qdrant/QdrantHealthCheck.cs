using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ContentMachine.Search.Indexing.Qdrant;

/// <summary>/health reports Qdrant as <c>qdrant</c>: unhealthy when it cannot be reached or refuses us, degraded when
/// the collection is red (an optimiser failed).</summary>
public sealed class QdrantHealthCheck(QdrantVectorIndex index) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var status = await index.CollectionStatusAsync(cancellationToken);
            return status == "red"
                ? HealthCheckResult.Degraded("The Qdrant collection is red.")
                : HealthCheckResult.Healthy($"collection {status}");
        }
        catch (VectorIndexException ex)
        {
            return HealthCheckResult.Unhealthy(ex.Message);
        }
    }
}
