using Microsoft.AspNetCore.Http.Timeouts;

namespace ContentMachine.Gateway.Limits;

/// <summary>YARP 2.1 takes a request cancelled by its timeout for a client that went away and answers 400; the caller is
/// told the truth instead, 504 (as a ProblemDetails, by the status code pages). Runs inside UseRequestTimeouts.</summary>
public static class TimedOutRequests
{
    public static async Task InvokeAsync(HttpContext context, Func<Task> next)
    {
        await next();
        if (!context.Response.HasStarted && context.Features.Get<IHttpRequestTimeoutFeature>()?.RequestTimeoutToken.IsCancellationRequested == true)
            context.Response.StatusCode = StatusCodes.Status504GatewayTimeout;
    }
}
