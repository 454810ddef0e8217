namespace ContentMachine.Gateway.Limits;

public static class CorsExtensions
{
    /// <summary>Browsers on <c>Gateway:Cors:Origins</c> may call the API with any method and header (keys travel in
    /// headers, never cookies, so no credentials), and read the rate-limit headers. No origin configured: none may.</summary>
    public static IHostApplicationBuilder AddGatewayCors(this IHostApplicationBuilder builder, GatewayOptions options)
    {
        builder.Services.AddCors(o => o.AddDefaultPolicy(p => p
            .WithOrigins([.. options.Cors.Origins])
            .AllowAnyMethod()
            .AllowAnyHeader()
            .WithExposedHeaders("Location", "ETag", "Retry-After", "RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset")
            .SetPreflightMaxAge(TimeSpan.FromMinutes(10))));
        return builder;
    }
}
