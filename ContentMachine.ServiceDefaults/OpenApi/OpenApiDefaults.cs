using ContentMachine.ServiceDefaults.Configuration;

namespace ContentMachine.ServiceDefaults.OpenApi;

public static class OpenApiDefaults
{
    /// <summary>The service's OpenAPI document at <c>/openapi/v1.json</c>; the gateway's Swagger UI lists every service's.</summary>
    public static IHostApplicationBuilder AddOpenApiDefaults(this IHostApplicationBuilder builder)
    {
        var identity = ServiceIdentity.From(builder.Configuration, builder.Environment);
        builder.Services.AddOpenApi(o => o.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = $"ContentMachine {identity.Name} API";
            document.Info.Version = "v1";
            return Task.CompletedTask;
        }));
        return builder;
    }
}
