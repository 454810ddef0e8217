using ContentMachine.Gateway.Auth;
using ContentMachine.ServiceDefaults.Validation;
using ContentMachine.ServiceDefaults.Web;
using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ContentMachine.Gateway.Admin;

/// <summary><c>/api/admin/keys</c> (admin scope): create a key (the clear key is answered once), list them, revoke one.</summary>
public static class ApiKeysApi
{
    public static IServiceCollection AddApiKeysApi(this IServiceCollection services) =>
        services.AddSingleton<IValidator<CreateApiKeyRequest>, CreateApiKeyValidator>();

    public static IEndpointRouteBuilder MapApiKeysApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("api/admin/keys").WithTags("Admin").RequireAuthorization(ScopeRequirement.Policy);
        api.MapPost("", CreateKey).WithName("CreateApiKey").WithSummary("Create an API key; the key is in the answer, and only there")
            .WithValidation<CreateApiKeyRequest>();
        api.MapGet("", ListKeys).WithName("ListApiKeys").WithSummary("Every key, active, expired or revoked (never the secret)");
        api.MapGet("{id}", GetKey).WithName("GetApiKey").WithSummary("One key (never the secret)");
        api.MapDelete("{id}", RevokeKey).WithName("RevokeApiKey").WithSummary("Revoke a key: it is refused from now on");
        return app;
    }

    private static async Task<Created<CreatedApiKey>> CreateKey(CreateApiKeyRequest request, [AsParameters] AdminServices services)
    {
        var (id, key) = ApiKeySecret.Generate();
        var now = services.Time.GetUtcNow();
        var record = new ApiKeyRecord(id, request.Name!.Trim(), ApiKeySecret.Hash(key), request.Scopes!.Distinct().ToList(), now, request.ExpiresAt, null);
        await services.Store.SaveAsync(record);
        GatewayLog.KeyCreated(services.Logger, id, record.Name, string.Join(' ', record.Scopes));
        return TypedResults.Created($"/api/admin/keys/{id}", new CreatedApiKey(key, ApiKeyView.From(record, now)));
    }

    private static async Task<Ok<List<ApiKeyView>>> ListKeys([AsParameters] AdminServices services)
    {
        var now = services.Time.GetUtcNow();
        var stored = await services.Store.ListAsync();
        return TypedResults.Ok(services.Validator.Configured.Concat(stored).Select(k => ApiKeyView.From(k, now)).ToList());
    }

    private static async Task<Results<Ok<ApiKeyView>, ProblemHttpResult>> GetKey(string id, [AsParameters] AdminServices services) =>
        await FindAsync(id, services) is { } key
            ? TypedResults.Ok(ApiKeyView.From(key, services.Time.GetUtcNow()))
            : ApiProblems.NotFound("API key", $"No API key has the id {id}.");

    private static async Task<Results<NoContent, ProblemHttpResult>> RevokeKey(string id, [AsParameters] AdminServices services)
    {
        var key = await FindAsync(id, services);
        if (key is null) return ApiProblems.NotFound("API key", $"No API key has the id {id}.");
        if (key.Source == ApiKeySource.Configuration)
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Configured key",
                detail: $"Key {id} is given in configuration (Gateway:Auth:Keys); remove it there to revoke it.");
        if (key.RevokedAt is null)
        {
            await services.Store.SaveAsync(key with { RevokedAt = services.Time.GetUtcNow() });
            services.Validator.Forget(id);
            GatewayLog.KeyRevoked(services.Logger, id, key.Name);
        }
        return TypedResults.NoContent();
    }

    private static async Task<ApiKeyRecord?> FindAsync(string id, AdminServices services) =>
        services.Validator.Configured.FirstOrDefault(k => k.Id == id) ?? await services.Store.FindAsync(id);
}
