namespace ContentMachine.AppHost.Telemetry.Tests;

/// <summary>A telemetry host on free loopback ports with a fake resource list, stopped when the test ends.</summary>
public sealed class RunningTelemetry : IAsyncDisposable
{
    public static readonly ResourceSnapshot Redis = new("redis", "redis", "Redis", ResourceState.Running, 4242, DateTimeOffset.UtcNow, 1, null,
        ["redis://127.0.0.1:6390"]);

    private RunningTelemetry(TelemetryHost host) => Host = host;

    public TelemetryHost Host { get; }
    public TelemetryStore Store => Host.Store;
    public TelemetryEndpoints Endpoints => Host.Endpoints;

    public static async Task<RunningTelemetry> StartAsync(TelemetryLimits? limits = null)
    {
        var endpoints = TelemetryEndpoints.Create(PortAllocator.FreePort(), PortAllocator.FreePort());
        var host = new TelemetryHost(endpoints, limits ?? new TelemetryLimits(), () => [Redis]);
        await host.StartAsync(CancellationToken.None);
        return new RunningTelemetry(host);
    }

    /// <summary>A client of the receiver that sends this run's API key.</summary>
    public HttpClient OtlpClient()
    {
        var client = new HttpClient { BaseAddress = Endpoints.OtlpEndpoint };
        client.DefaultRequestHeaders.Add(TelemetryEndpoints.ApiKeyHeader, Endpoints.OtlpApiKey);
        return client;
    }

    public ValueTask DisposeAsync() => Host.DisposeAsync();
}
