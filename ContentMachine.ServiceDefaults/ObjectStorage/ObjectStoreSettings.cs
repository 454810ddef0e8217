using ContentMachine.ServiceDefaults.Configuration;

namespace ContentMachine.ServiceDefaults.ObjectStorage;

/// <summary>The <c>objects</c> resource: <c>Endpoint=http://...;AccessKey=...;SecretKey=...;Region=...[;Bucket=...]</c>.
/// Works with any S3-compatible server (MinIO, AWS S3, Ceph RGW, Garage; s3rver locally).</summary>
public sealed record ObjectStoreSettings(Uri Endpoint, string AccessKey, string SecretKey, string Region, string Bucket)
{
    public const string DefaultBucket = "contentmachine";

    public static ObjectStoreSettings Parse(string connectionString)
    {
        var values = ConnectionStrings.ParseKeyValues(connectionString);
        string Get(string key) => values.TryGetValue(key, out var v) && v.Length > 0
            ? v
            : throw new FormatException($"ConnectionStrings:objects lacks '{key}' (Endpoint=...;AccessKey=...;SecretKey=...;Region=...).");
        if (!Uri.TryCreate(Get("Endpoint"), UriKind.Absolute, out var endpoint))
            throw new FormatException("ConnectionStrings:objects has an Endpoint that is not an absolute URI.");
        return new ObjectStoreSettings(endpoint, Get("AccessKey"), Get("SecretKey"),
            values.GetValueOrDefault("Region") is { Length: > 0 } region ? region : "us-east-1",
            values.GetValueOrDefault("Bucket") is { Length: > 0 } bucket ? bucket : DefaultBucket);
    }
}
