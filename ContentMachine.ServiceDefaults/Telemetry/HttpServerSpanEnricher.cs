using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;

namespace ContentMachine.ServiceDefaults.Telemetry;

/// <summary>ASP.NET Core's own server span (Microsoft.AspNetCore.Hosting.HttpRequestIn) carries no attributes, and the
/// instrumentation packages that add them are absent here; this middleware, first in the pipeline, sets the
/// OpenTelemetry HTTP semantic conventions on it and names it <c>{method} {route}</c>.</summary>
internal sealed class HttpServerSpanEnricher(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var activity = context.Features.Get<IHttpActivityFeature>()?.Activity;
        if (activity is null || !activity.IsAllDataRequested)
        {
            await next(context);
            return;
        }

        var request = context.Request;
        activity.SetTag("http.request.method", request.Method);
        activity.SetTag("url.scheme", request.Scheme);
        activity.SetTag("url.path", request.Path.Value);
        activity.SetTag("server.address", request.Host.Host);
        if (request.Host.Port is { } port) activity.SetTag("server.port", port);
        activity.SetTag("network.protocol.version", request.Protocol.Replace("HTTP/", "", StringComparison.Ordinal));
        try
        {
            await next(context);
        }
        catch (Exception ex)
        {
            activity.SetTag("error.type", ex.GetType().FullName);
            activity.SetStatus(ActivityStatusCode.Error, ex.Message);
            throw;
        }
        finally
        {
            var status = context.Response.StatusCode;
            activity.SetTag("http.response.status_code", status);
            var route = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText;
            if (route is not null)
            {
                route = "/" + route.TrimStart('/');
                activity.SetTag("http.route", route);
            }
            activity.DisplayName = route is null ? request.Method : $"{request.Method} {route}";
            if (status >= 500)
            {
                activity.SetTag("error.type", activity.GetTagItem("error.type") ?? status.ToString());
                activity.SetStatus(ActivityStatusCode.Error);
            }
        }
    }
}

internal sealed class HttpServerSpanStartupFilter : Microsoft.AspNetCore.Hosting.IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.UseMiddleware<HttpServerSpanEnricher>();
        next(app);
    };
}
