using ContentMachine.ServiceDefaults.Web;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;

namespace ContentMachine.Storage.Apis;

public static class ObjectsApi
{
    public static IEndpointRouteBuilder MapObjectsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("api/storage/objects").WithTags("Storage");

        api.MapPut("{**key}", PutObject)
            .WithName("PutObject")
            .WithSummary("Store an object: the body (any content type) streams to the bucket, its size and sha256 are recorded");
        api.MapGet("{**key}", GetObject).WithName("GetObject").WithSummary("Download an object");

        return app;
    }

    public static async Task<Results<Ok<ObjectResponse>, ProblemHttpResult>> PutObject(
        string key, HttpContext context, ObjectStore store, IConfiguration configuration, CancellationToken ct)
    {
        if (ObjectKey.Validate(key) is { } keyError) return KeyProblem(keyError);
        var limit = configuration.GetValue("Storage:MaxObjectBytes", 5L * 1024 * 1024 * 1024);
        if (context.Request.ContentLength is not { } length)
            return TypedResults.Problem(statusCode: StatusCodes.Status411LengthRequired, title: "Content-Length required",
                detail: "Send the object with a Content-Length header.");
        if (length > limit)
            return TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Object too large",
                detail: $"The object is {length} bytes; at most {limit} are accepted.");
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } sizeFeature)
            sizeFeature.MaxRequestBodySize = limit;

        var contentType = MediaTypeHeaderValue.TryParse(context.Request.ContentType, out var parsed)
            ? parsed.ToString()
            : "application/octet-stream";
        var stored = await store.PutAsync(key, context.Request.Body, length, contentType, ct);
        return TypedResults.Ok(ObjectResponse.From(stored));
    }

    public static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> GetObject(
        string key, HttpContext context, ObjectStore store, CancellationToken ct)
    {
        if (ObjectKey.Validate(key) is { } keyError) return KeyProblem(keyError);
        if (await store.FindAsync(key, ct) is not { } stored)
            return ApiProblems.NotFound("Object", $"No object has the key '{key}'.");

        var content = await store.OpenReadAsync(key, ct);
        context.Response.ContentLength = stored.Size;
        context.Response.Headers[HeaderNames.XContentTypeOptions] = "nosniff";
        return TypedResults.Stream(content, stored.ContentType, lastModified: stored.UpdatedAt,
            entityTag: new EntityTagHeaderValue($"\"{stored.Sha256}\""));
    }

    private static ProblemHttpResult KeyProblem(string error) => ApiProblems.InvalidField("key", error, "Invalid object key");
}

public sealed record ObjectResponse(string Key, long Size, string Sha256, string ContentType, DateTimeOffset UpdatedAt)
{
    public static ObjectResponse From(StoredObject o) => new(o.Key, o.Size, o.Sha256, o.ContentType, o.UpdatedAt);
}
