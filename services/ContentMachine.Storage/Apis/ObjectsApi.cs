using System.Buffers.Text;
using System.Text;
using ContentMachine.ServiceDefaults.Web;
using ContentMachine.Storage.Options;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ContentMachine.Storage.Apis;

public static class ObjectsApi
{
    public const int DefaultPageSize = 100;
    public const int MaxPageSize = 1000;

    public static IEndpointRouteBuilder MapObjectsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("api/storage/objects").WithTags("Storage");

        api.MapGet("", ListObjects).WithName("ListObjects").WithSummary("List objects in key order, optionally under a prefix, a page at a time");
        api.MapPut("{**key}", PutObject)
            .WithName("PutObject")
            .WithSummary("Store an object: the body streams to the bucket (multipart when large or chunked), its size and sha256 are recorded");
        api.MapGet("{**key}", GetObject)
            .WithName("GetObject")
            .WithSummary("Download an object, or a byte range of it (206); 304 when If-None-Match or If-Modified-Since still holds");
        api.MapMethods("{**key}", [HttpMethods.Head], GetObject).WithName("HeadObject").WithSummary("An object's headers without its body");
        api.MapDelete("{**key}", DeleteObject).WithName("DeleteObject").WithSummary("Delete an object and its metadata");

        return app;
    }

    public static async Task<Results<Ok<ObjectResponse>, ProblemHttpResult>> PutObject(
        string key, HttpContext context, ObjectStore store, IOptions<StorageOptions> options, CancellationToken ct)
    {
        if (ObjectKey.Validate(key) is { } keyError) return StorageProblems.InvalidKey(keyError);
        var write = new ObjectWrite(key, RequestBody.ContentType(context), RequestBody.Length(context), options.Value.MaxObjectBytes);
        try
        {
            return TypedResults.Ok(ObjectResponse.From(await store.PutAsync(write, context.Request.Body, ct)));
        }
        catch (ObjectTooLargeException ex)
        {
            return StorageProblems.TooLarge(ex.Limit);
        }
    }

    public static async Task<Results<ObjectDownload, ProblemHttpResult>> GetObject(string key, ObjectStore store, CancellationToken ct)
    {
        if (ObjectKey.Validate(key) is { } keyError) return StorageProblems.InvalidKey(keyError);
        return await store.FindAsync(key, ct) is { } stored ? new ObjectDownload(stored, store) : StorageProblems.ObjectNotFound(key);
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteObject(string key, ObjectStore store, CancellationToken ct)
    {
        if (ObjectKey.Validate(key) is { } keyError) return StorageProblems.InvalidKey(keyError);
        if (!await store.ExistsAsync(key, ct)) return StorageProblems.ObjectNotFound(key);
        await store.DeleteAsync([key], ct);
        return TypedResults.NoContent();
    }

    public static async Task<Results<Ok<ObjectPage>, ProblemHttpResult>> ListObjects(
        [AsParameters] ListObjectsQuery query, ObjectStore store, CancellationToken ct)
    {
        var limit = query.Limit ?? DefaultPageSize;
        if (limit is < 1 or > MaxPageSize) return ApiProblems.InvalidField("limit", $"The limit must be between 1 and {MaxPageSize}.");
        if (query.Prefix is { Length: > 0 } prefix && (Encoding.UTF8.GetByteCount(prefix) > ObjectKey.MaxBytes || prefix.Any(char.IsControl)))
            return ApiProblems.InvalidField("prefix", $"The prefix must be at most {ObjectKey.MaxBytes} bytes without control characters.");
        string? after = null;
        if (query.Cursor is { Length: > 0 } cursor && (after = DecodeCursor(cursor)) is null)
            return ApiProblems.InvalidField("cursor", "The cursor is not one this API returned.");

        var page = await store.ListAsync(query.Prefix, after, limit + 1, ct);
        var items = page.Take(limit).Select(ObjectResponse.From).ToList();
        return TypedResults.Ok(new ObjectPage(items, page.Count > limit ? EncodeCursor(items[^1].Key) : null));
    }

    private static string EncodeCursor(string key) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(key));

    private static string? DecodeCursor(string cursor)
    {
        try
        {
            var key = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(cursor));
            return ObjectKey.Validate(key) is null ? key : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
