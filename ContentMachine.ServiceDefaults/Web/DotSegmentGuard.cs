using Microsoft.AspNetCore.Http.Features;

namespace ContentMachine.ServiceDefaults.Web;

/// <summary>Kestrel resolves <c>.</c> and <c>..</c> segments (also percent-encoded ones) before routing, so
/// <c>objects/a/../b</c> would quietly become <c>objects/b</c>. A request whose target says that is refused 400 instead,
/// at the gateway and at every service: a path means what it says or nothing.</summary>
internal static class DotSegmentGuard
{
    public static async Task InvokeAsync(HttpContext context, Func<Task> next)
    {
        var target = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? "";
        var query = target.IndexOf('?');
        var path = Uri.UnescapeDataString(query < 0 ? target : target[..query]);
        if (path.Split('/', '\\').Any(segment => segment is "." or ".."))
        {
            await ApiProblems.InvalidField("path", "The path must not contain '.' or '..' segments.", "Invalid path").ExecuteAsync(context);
            return;
        }
        await next();
    }
}
