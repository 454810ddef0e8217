using Amazon.S3;
using Amazon.S3.Model;

namespace ContentMachine.ServiceDefaults.ObjectStorage;

internal sealed class ObjectStoreHealthCheck(IAmazonS3 s3, string bucket) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        await s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = bucket, MaxKeys = 1 }, cancellationToken);
        return HealthCheckResult.Healthy($"bucket {bucket} reachable");
    }
}
