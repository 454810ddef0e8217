using Amazon.Runtime;
using Amazon.S3;
using ContentMachine.ServiceDefaults.Configuration;
using ContentMachine.ServiceDefaults.Health;

namespace ContentMachine.ServiceDefaults.ObjectStorage;

public static class ObjectStorageExtensions
{
    /// <summary>An S3 client for the <c>objects</c> resource with the settings S3-compatible servers need (path-style
    /// addressing; checksums only when required, which s3rver and older MinIO releases reject otherwise), and a /health
    /// check that lists the bucket.</summary>
    public static IHostApplicationBuilder AddS3Client(this IHostApplicationBuilder builder, string connectionName = "objects")
    {
        var settings = ObjectStoreSettings.Parse(ConnectionStrings.Require(builder.Configuration, connectionName));
        builder.Services.AddSingleton(settings);
        builder.Services.AddSingleton<IAmazonS3>(_ => CreateClient(settings));
        builder.Services.AddHealthChecks().AddDependencyCheck(connectionName,
            sp => new ObjectStoreHealthCheck(sp.GetRequiredService<IAmazonS3>(), settings.Bucket));
        return builder;
    }

    public static AmazonS3Client CreateClient(ObjectStoreSettings settings) =>
        new(new BasicAWSCredentials(settings.AccessKey, settings.SecretKey), new AmazonS3Config
        {
            ServiceURL = settings.Endpoint.AbsoluteUri,
            ForcePathStyle = true,
            AuthenticationRegion = settings.Region,
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
            Timeout = TimeSpan.FromSeconds(100),
            MaxErrorRetry = 3,
        });
}
