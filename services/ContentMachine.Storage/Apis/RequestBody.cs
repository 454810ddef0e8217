using Microsoft.AspNetCore.Http.Features;
using Microsoft.Net.Http.Headers;

namespace ContentMachine.Storage.Apis;

/// <summary>How an object arrives: its declared length (null when chunked) and media type. The size limit is enforced
/// while the body streams (HashingReadStream), so Kestrel's own default cap is lifted for these routes.</summary>
public static class RequestBody
{
    public static long? Length(HttpContext context)
    {
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit) limit.MaxRequestBodySize = null;
        return context.Request.ContentLength;
    }

    public static string? MediaType(HttpContext context) =>
        MediaTypeHeaderValue.TryParse(context.Request.ContentType, out var parsed) ? parsed.MediaType.Value : null;

    public static string ContentType(HttpContext context) =>
        MediaTypeHeaderValue.TryParse(context.Request.ContentType, out var parsed) ? parsed.ToString() : "application/octet-stream";
}
