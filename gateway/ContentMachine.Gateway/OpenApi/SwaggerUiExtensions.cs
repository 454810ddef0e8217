namespace ContentMachine.Gateway.OpenApi;

public static class SwaggerUiExtensions
{
    /// <summary>One Swagger UI at /swagger listing every service's OpenAPI document, each fetched through the gateway
    /// (<c>/openapi/{service}.json</c>), so "try it out" goes through the gateway too.</summary>
    public static WebApplication UseServicesSwaggerUi(this WebApplication app, IEnumerable<DownstreamService> services)
    {
        app.UseSwaggerUI(o =>
        {
            o.RoutePrefix = "swagger";
            o.DocumentTitle = "ContentMachine API";
            foreach (var service in services) o.SwaggerEndpoint($"/openapi/{service.Name}.json", service.Name);
        });
        return app;
    }
}
