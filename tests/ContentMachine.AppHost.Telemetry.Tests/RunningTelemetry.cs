namespace ContentMachine.AppHost.Telemetry.Tests;

/// <summary>A telemetry host on free loopback ports over a fake stack, stopped when the test ends.</summary>
public sealed class RunningTelemetry : IAsyncDisposable
{
    private RunningTelemetry(TelemetryHost host, FakeDashboardStack stack) => (Host, Stack) = (host, stack);

    public TelemetryHost Host { get; }
    public FakeDashboardStack Stack { get; }
    public TelemetryStore Store => Host.Store;
    public TelemetryEndpoints Endpoints => Host.Endpoints;

    public static async Task<RunningTelemetry> StartAsync(TelemetryLimits? limits = null)
    {
        var endpoints = TelemetryEndpoints.Create(PortAllocator.FreePort(), PortAllocator.FreePort());
        var stack = new FakeDashboardStack();
        var host = new TelemetryHost(endpoints, limits ?? new TelemetryLimits(), stack);
        await host.StartAsync(CancellationToken.None);
        return new RunningTelemetry(host, stack);
    }

    /// <summary>A client of the receiver that sends this run's API key.</summary>
    public HttpClient OtlpClient()
    {
        var client = new HttpClient { BaseAddress = Endpoints.OtlpEndpoint };
        client.DefaultRequestHeaders.Add(TelemetryEndpoints.ApiKeyHeader, Endpoints.OtlpApiKey);
        return client;
    }

    /// <summary>A client of the dashboard logged in with this run's token.</summary>
    public HttpClient DashboardClient()
    {
        var client = new HttpClient { BaseAddress = Endpoints.DashboardUrl };
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", Endpoints.LoginToken);
        return client;
    }

    public ValueTask DisposeAsync() => Host.DisposeAsync();
}
