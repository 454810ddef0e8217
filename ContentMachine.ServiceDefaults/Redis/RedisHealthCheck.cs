using StackExchange.Redis;

namespace ContentMachine.ServiceDefaults.Redis;

internal sealed class RedisHealthCheck(Func<IConnectionMultiplexer> connection) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var mux = await Task.Run(connection, cancellationToken);
        if (!mux.IsConnected) return new HealthCheckResult(context.Registration.FailureStatus, "Redis is not connected (reconnecting in the background).");
        var latency = await mux.GetDatabase().PingAsync().WaitAsync(cancellationToken);
        return HealthCheckResult.Healthy($"PING {latency.TotalMilliseconds:F1} ms");
    }
}
