using System.Globalization;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;

namespace ContentMachine.Gateway.Limits;

/// <summary>Sets the request body limit of the route (Kestrel's own limit is the largest of them) and answers 413 as a
/// ProblemDetails naming the limit: at once when Content-Length says too much, or when a chunked body runs over it.</summary>
public sealed class RequestBodyLimitMiddleware(RequestDelegate next, IOptions<GatewayOptions> options, IProblemDetailsService problems)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var limit = options.Value.BodyLimitFor(context.Request.Path);
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature) feature.MaxRequestBodySize = limit;
        if (context.Request.ContentLength > limit)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            await WriteAsync(context, limit);
            return;
        }
        await next(context);
        if (context.Response.StatusCode == StatusCodes.Status413PayloadTooLarge && !context.Response.HasStarted) await WriteAsync(context, limit);
    }

    private ValueTask WriteAsync(HttpContext context, long limit) =>
        problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status413PayloadTooLarge,
                Title = "Request body too large",
                Detail = $"{context.Request.Path} takes bodies of at most {Describe(limit)} ({limit.ToString(CultureInfo.InvariantCulture)} bytes).",
                Extensions = { ["limitBytes"] = limit },
            },
        });

    private static string Describe(long bytes) =>
        bytes >= 1L << 30 && bytes % (1L << 30) == 0 ? $"{bytes >> 30} GiB"
        : bytes >= 1L << 20 && bytes % (1L << 20) == 0 ? $"{bytes >> 20} MiB"
        : $"{bytes.ToString(CultureInfo.InvariantCulture)} bytes";
}
