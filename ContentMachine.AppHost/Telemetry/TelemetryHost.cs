using ContentMachine.AppHost.Telemetry.Dashboard;
using ContentMachine.AppHost.Telemetry.Ingest;
using ContentMachine.AppHost.Telemetry.Storage;

namespace ContentMachine.AppHost.Telemetry;

/// <summary>The AppHost's telemetry side: the OTLP receiver, the store it fills and the dashboard that reads it. The
/// stack starts it before any service (so that no early span is lost) and stops it after the last one.</summary>
public sealed class TelemetryHost(TelemetryEndpoints endpoints, TelemetryLimits limits, IDashboardStack stack)
    : IAsyncDisposable
{
    private readonly Lock _gate = new();
    private WebApplication? _receiver;
    private WebApplication? _dashboard;

    public TelemetryEndpoints Endpoints => endpoints;
    public TelemetryStore Store { get; } = new(limits);

    public async Task StartAsync(CancellationToken ct)
    {
        lock (_gate)
        {
            if (_receiver is not null) throw new InvalidOperationException("The telemetry host was already started.");
            _receiver = OtlpReceiver.Build(endpoints, limits, Store);
            _dashboard = DashboardServer.Build(endpoints, Store, stack);
        }
        await _receiver.StartAsync(ct);
        await _dashboard.StartAsync(ct);
    }

    /// <summary>Stops both listeners; safe to call when not started and more than once.</summary>
    public async Task StopAsync()
    {
        WebApplication? receiver, dashboard;
        lock (_gate)
        {
            (receiver, dashboard) = (_receiver, _dashboard);
            (_receiver, _dashboard) = (null, null);
        }
        foreach (var app in new[] { dashboard, receiver }.OfType<WebApplication>())
        {
            try
            {
                await app.StopAsync(TimeSpan.FromSeconds(5));
            }
            finally
            {
                await app.DisposeAsync();
            }
        }
    }

    public ValueTask DisposeAsync() => new(StopAsync());
}
