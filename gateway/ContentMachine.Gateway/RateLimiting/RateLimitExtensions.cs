using ContentMachine.ServiceDefaults.Redis;

namespace ContentMachine.Gateway.RateLimiting;

public static class RateLimitExtensions
{
    /// <summary>The Redis client (its /health entry is Degraded when rate limits fail open, Unhealthy when they fail
    /// closed) and the token bucket.</summary>
    public static IHostApplicationBuilder AddGatewayRateLimits(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        var options = builder.Configuration.GetSection(RateLimitOptions.Section).Get<RateLimitOptions>() ?? new RateLimitOptions();
        builder.AddRedisClient(failureStatus: options.FailOpen ? HealthStatus.Degraded : HealthStatus.Unhealthy);
        builder.Services.AddSingleton<RedisTokenBucket>();
        return builder;
    }

    public static WebApplication UseGatewayRateLimits(this WebApplication app)
    {
        // Registered only with authentication on: without keys there is nobody to count.
        if (app.Services.GetService<RedisTokenBucket>() is not null && app.Services.GetRequiredService<IOptions<RateLimitOptions>>().Value.Enabled)
            app.UseMiddleware<RateLimitMiddleware>();
        return app;
    }
}
