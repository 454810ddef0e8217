namespace ContentMachine.Gateway.Auth;

/// <summary>The scope a request needs: <c>/api/admin/**</c> admin; publishing actions (anything but a read under
/// <c>/api/publishing/**</c>, and <c>POST /api/projects/{id}/publish</c>) publish; other reads (GET, HEAD) read; other
/// writes write. Null for what stays open: everything outside <c>/api</c>, and YouTube's OAuth redirect, which a
/// browser follows from Google without a key (its one-time state protects it).</summary>
public static class ScopeRules
{
    public static string? Required(HttpRequest request)
    {
        var path = request.Path;
        if (!path.StartsWithSegments("/api")) return null;
        if (path.StartsWithSegments("/api/admin")) return ApiKeyScopes.Admin;
        var read = HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method);
        if (path.StartsWithSegments("/api/publishing"))
            return !read ? ApiKeyScopes.Publish : path.Equals("/api/publishing/youtube/callback", StringComparison.OrdinalIgnoreCase) ? null : ApiKeyScopes.Read;
        if (read) return ApiKeyScopes.Read;
        return IsProjectPublish(path) && HttpMethods.IsPost(request.Method) ? ApiKeyScopes.Publish : ApiKeyScopes.Write;
    }

    private static bool IsProjectPublish(PathString path) =>
        path.StartsWithSegments("/api/projects", out var rest) && rest.Value?.Split('/', StringSplitOptions.RemoveEmptyEntries) is [_, "publish"];
}
