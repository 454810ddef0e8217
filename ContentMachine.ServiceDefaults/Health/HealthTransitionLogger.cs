using ContentMachine.ServiceDefaults.Configuration;

namespace ContentMachine.ServiceDefaults.Health;

/// <summary>Logs when a dependency becomes unhealthy and when it recovers, once each, instead of at every probe (the
/// AppHost and the gateway probe /health every few seconds; ASP.NET Core's own per-probe error log is turned off).</summary>
internal sealed class HealthTransitionLogger(ILogger<HealthTransitionLogger> logger) : IHealthCheckPublisher
{
    private readonly Dictionary<string, HealthStatus> _last = [];

    public Task PublishAsync(HealthReport report, CancellationToken cancellationToken)
    {
        lock (_last)
            foreach (var (name, entry) in report.Entries)
            {
                var before = _last.GetValueOrDefault(name, HealthStatus.Healthy);
                _last[name] = entry.Status;
                if (entry.Status == before) continue;
                if (entry.Status == HealthStatus.Healthy)
                    logger.LogInformation("Dependency {Check} is healthy again", name);
                else
                    logger.LogWarning("Dependency {Check} is {Status}: {Reason}", name, entry.Status,
                        SecretRedactor.Redact(entry.Exception?.Message ?? entry.Description));
            }
        return Task.CompletedTask;
    }
}
