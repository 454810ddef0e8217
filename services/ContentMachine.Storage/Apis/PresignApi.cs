using Amazon.S3;
using Amazon.S3.Model;
using ContentMachine.ServiceDefaults.ObjectStorage;
using ContentMachine.ServiceDefaults.Validation;
using ContentMachine.Storage.Options;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ContentMachine.Storage.Apis;

public static class PresignApi
{
    public static IEndpointRouteBuilder MapPresignApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("api/storage/presign", Presign)
            .WithValidation<PresignRequest>()
            .WithTags("Storage")
            .WithName("PresignObject")
            .WithSummary("A URL that downloads (GET) or uploads (PUT) one object directly against the bucket until it expires (at most 7 days)");
        return app;
    }

    public static async Task<Results<Ok<PresignResponse>, ProblemHttpResult>> Presign(
        PresignRequest request, IAmazonS3 s3, ObjectStoreSettings settings, ObjectStore store, IOptions<StorageOptions> options,
        TimeProvider clock, CancellationToken ct)
    {
        var key = request.Key!;
        if (request.Method == "GET" && !await store.ExistsAsync(key, ct)) return StorageProblems.ObjectNotFound(key);

        var expiresAt = clock.GetUtcNow() + (request.ExpiresInSeconds is { } s ? TimeSpan.FromSeconds(s) : options.Value.PresignDefaultExpiry);
        var presign = new GetPreSignedUrlRequest
        {
            BucketName = settings.Bucket,
            Key = key,
            Verb = request.Method == "PUT" ? HttpVerb.PUT : HttpVerb.GET,
            Expires = expiresAt.UtcDateTime,
            Protocol = settings.Endpoint.Scheme == Uri.UriSchemeHttps ? Protocol.HTTPS : Protocol.HTTP,
        };
        var headers = new Dictionary<string, string>();
        if (request.ContentType is { Length: > 0 } contentType)
        {
            presign.ContentType = contentType;
            headers["Content-Type"] = contentType;
        }
        var url = await s3.GetPreSignedURLAsync(presign);
        return TypedResults.Ok(new PresignResponse(url, request.Method!, expiresAt, headers));
    }
}
