using ContentMachine.ServiceDefaults.Configuration;
using ContentMachine.ServiceDefaults.Health;
using StackExchange.Redis;

namespace ContentMachine.ServiceDefaults.Redis;

public static class RedisExtensions
{
    /// <summary>A shared <see cref="IConnectionMultiplexer"/> for the <c>redis</c> resource (<c>host:port[,password=...]</c>)
    /// that keeps reconnecting in the background, and a /health check that PINGs it, reporting <paramref name="failureStatus"/>
    /// when Redis cannot be reached (Degraded for a process that carries on without it).</summary>
    public static IHostApplicationBuilder AddRedisClient(this IHostApplicationBuilder builder, string connectionName = "redis",
        HealthStatus failureStatus = HealthStatus.Unhealthy)
    {
        var options = ConfigurationOptions.Parse(ConnectionStrings.Require(builder.Configuration, connectionName));
        options.AbortOnConnectFail = false;
        options.ConnectTimeout = Math.Min(options.ConnectTimeout, 3000);
        builder.Services.AddSingleton<IConnectionMultiplexer>(_ => ConnectionMultiplexer.Connect(options));
        builder.Services.AddHealthChecks()
            .AddDependencyCheck(connectionName, sp => new RedisHealthCheck(sp.GetRequiredService<IConnectionMultiplexer>), failureStatus);
        return builder;
    }
}
