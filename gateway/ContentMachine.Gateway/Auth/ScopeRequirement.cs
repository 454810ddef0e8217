using Microsoft.AspNetCore.Authorization;

namespace ContentMachine.Gateway.Auth;

/// <summary>The gateway's one authorization rule: the caller holds the scope <see cref="ScopeRules"/> names for the
/// request (admin holds every scope).</summary>
public sealed class ScopeRequirement : AuthorizationHandler<ScopeRequirement>, IAuthorizationRequirement
{
    public const string Policy = "scopes";

    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, ScopeRequirement requirement)
    {
        var required = context.Resource is HttpContext http ? ScopeRules.Required(http.Request) : ApiKeyScopes.Admin;
        if (required is null
            || context.User.Identity?.IsAuthenticated == true && ApiKeyScopes.Grants(context.User.FindAll(ApiKeyScopes.ClaimType).Select(c => c.Value), required))
            context.Succeed(requirement);
        return Task.CompletedTask;
    }
}
