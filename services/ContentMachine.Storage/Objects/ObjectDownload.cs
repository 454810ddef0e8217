using Microsoft.AspNetCore.Http.Headers;
using Microsoft.Net.Http.Headers;

namespace ContentMachine.Storage.Objects;

/// <summary>The HTTP answer for an object: 200 with its bytes, 206 with a range, 304 when the client's copy is current,
/// 416 for a range it cannot have; HEAD gets the same headers without a body. Bytes stream from S3 straight through.</summary>
public sealed class ObjectDownload(StoredObject stored, ObjectStore store) : IResult
{
    public async Task ExecuteAsync(HttpContext context)
    {
        var request = context.Request.GetTypedHeaders();
        var response = context.Response;
        var headers = response.GetTypedHeaders();
        var etag = new EntityTagHeaderValue(stored.ETag);
        var lastModified = TruncateToSeconds(stored.UpdatedAt);
        headers.ETag = etag;
        headers.LastModified = lastModified;
        response.Headers.AcceptRanges = "bytes";
        response.Headers.XContentTypeOptions = "nosniff";

        if (NotModified(request, etag, lastModified))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }

        var range = RangeApplies(request, etag, lastModified) ? RangeRequest.Parse(context.Request.Headers.Range, stored.Size) : RangeRequest.Whole;
        if (range.Unsatisfiable)
        {
            response.StatusCode = StatusCodes.Status416RangeNotSatisfiable;
            headers.ContentRange = new ContentRangeHeaderValue(stored.Size);
            return;
        }

        response.ContentType = stored.ContentType;
        response.ContentLength = range.Span?.Length ?? stored.Size;
        if (range.Span is { } span)
        {
            response.StatusCode = StatusCodes.Status206PartialContent;
            headers.ContentRange = new ContentRangeHeaderValue(span.From, span.To, stored.Size);
        }
        if (HttpMethods.IsHead(context.Request.Method) || response.ContentLength == 0) return;

        await using var body = await store.OpenReadAsync(stored.Key, range.Span, context.RequestAborted);
        if (body is null)
        {
            response.ContentLength = null;
            response.Headers.Remove(HeaderNames.ContentRange);
            await TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Object not found",
                detail: $"The object '{stored.Key}' is recorded but no longer in the bucket.").ExecuteAsync(context);
            return;
        }
        await body.CopyToAsync(response.Body, 81920, context.RequestAborted);
    }

    /// <summary>If-None-Match wins over If-Modified-Since (RFC 9110 §13.2.2).</summary>
    private static bool NotModified(RequestHeaders request, EntityTagHeaderValue etag, DateTimeOffset lastModified)
    {
        if (request.IfNoneMatch is { Count: > 0 } candidates)
            return candidates.Any(c => c.Equals(EntityTagHeaderValue.Any) || c.Compare(etag, useStrongComparison: false));
        return request.IfModifiedSince is { } since && lastModified <= since;
    }

    /// <summary>If-Range: the range is only served if the client's validator still matches; otherwise the whole object.</summary>
    private static bool RangeApplies(RequestHeaders request, EntityTagHeaderValue etag, DateTimeOffset lastModified) =>
        request.IfRange switch
        {
            null => true,
            { EntityTag: { } tag } => tag.Compare(etag, useStrongComparison: true),
            { LastModified: { } date } => date == lastModified,
            _ => false,
        };

    private static DateTimeOffset TruncateToSeconds(DateTimeOffset t) => new(t.Ticks - t.Ticks % TimeSpan.TicksPerSecond, t.Offset);
}
