using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace ContentMachine.ServiceDefaults.Telemetry;

/// <summary>Creates the tracer and meter providers when the host starts (so listening begins before the first
/// request) and flushes them when it stops; the container disposes them afterwards.</summary>
internal sealed class TelemetryLifetime(TracerProvider tracing, MeterProvider metrics) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken)
    {
        tracing.ForceFlush(2000);
        metrics.ForceFlush(2000);
        return Task.CompletedTask;
    }
}
