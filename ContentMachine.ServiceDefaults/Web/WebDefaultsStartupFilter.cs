using Microsoft.AspNetCore.Hosting;

namespace ContentMachine.ServiceDefaults.Web;

/// <summary>The gateway's X-Forwarded-* headers must be applied before anything reads the request (loopback proxies only);
/// a target with dot segments is refused before routing resolves them.</summary>
internal sealed class WebDefaultsStartupFilter : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.UseForwardedHeaders();
        app.Use(DotSegmentGuard.InvokeAsync);
        next(app);
    };
}
