using ContentMachine.Gateway.Auth;
using Yarp.ReverseProxy.Transforms;
using Yarp.ReverseProxy.Transforms.Builder;

namespace ContentMachine.Gateway.Routing;

/// <summary>The services never see a caller's credentials (none needs them): X-Api-Key, Authorization and cookies (the
/// web app's key cookie among them; no service uses cookies) are removed before a request is proxied, and <c>X-ContentMachine-Key</c> says which key called (its id; never one the client
/// sent).</summary>
public static class CredentialHeaders
{
    public const string KeyHeader = "X-ContentMachine-Key";

    public static void Apply(TransformBuilderContext context)
    {
        context.AddRequestHeaderRemove(PresentedCredentials.ApiKeyHeader);
        context.AddRequestHeaderRemove("Authorization");
        context.AddRequestHeaderRemove("Cookie");
        context.AddRequestTransform(transform =>
        {
            transform.ProxyRequest.Headers.Remove(KeyHeader);
            if (GatewayClaims.KeyIdOf(transform.HttpContext.User) is { } id) transform.ProxyRequest.Headers.TryAddWithoutValidation(KeyHeader, id);
            return ValueTask.CompletedTask;
        });
    }
}
