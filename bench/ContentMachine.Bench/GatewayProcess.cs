using System.Diagnostics;
using ContentMachine.AppHost.Hosting;

namespace ContentMachine.Bench;

/// <summary>An extra gateway process in front of a running stack's services, configured as the AppHost configures its
/// own (service URLs, Redis, the admin key's hash, telemetry to the AppHost) plus the given settings. Stopped by its PID.</summary>
internal sealed class GatewayProcess : IAsyncDisposable
{
    private readonly Process _process;

    private GatewayProcess(Process process, Uri url)
    {
        _process = process;
        Url = url;
    }

    public Uri Url { get; }

    public static async Task<GatewayProcess> StartAsync(DistributedStack stack, string name, IReadOnlyDictionary<string, string?> settings)
    {
        var url = new Uri($"http://127.0.0.1:{PortAllocator.FreePort()}");
        var assembly = stack.Context.Layout.AssemblyPath("gateway/ContentMachine.Gateway");
        var start = new ProcessStartInfo("dotnet", ["exec", assembly])
        {
            WorkingDirectory = Path.GetDirectoryName(assembly),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        var environment = new Dictionary<string, string?>(GatewayAdminKey.Environment(stack.Context))
        {
            ["ASPNETCORE_URLS"] = url.AbsoluteUri.TrimEnd('/'),
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["OTEL_SERVICE_NAME"] = name,
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = stack.Telemetry.Endpoints.OtlpEndpoint.AbsoluteUri.TrimEnd('/'),
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
            ["OTEL_EXPORTER_OTLP_HEADERS"] = stack.Telemetry.Endpoints.OtlpHeaders,
            ["ConnectionStrings__redis"] = stack.ConnectionString("redis"),
        };
        foreach (var service in ContentMachineModel.ServiceNames)
            environment[$"services__{service}__http__0"] = stack.ServiceUrl(service).AbsoluteUri.TrimEnd('/');
        foreach (var (key, value) in settings) environment[key] = value;
        foreach (var (key, value) in environment) start.Environment[key] = value;

        var process = Process.Start(start)!;
        var output = new System.Collections.Concurrent.ConcurrentQueue<string>();
        void Keep(object _, DataReceivedEventArgs line)
        {
            if (line.Data is null) return;
            output.Enqueue(line.Data);
            while (output.Count > 20) output.TryDequeue(out var _);
        }
        process.OutputDataReceived += Keep;
        process.ErrorDataReceived += Keep;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var gateway = new GatewayProcess(process, url);
        using var probe = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        for (var deadline = DateTime.UtcNow.AddSeconds(60); DateTime.UtcNow < deadline && !process.HasExited; await Task.Delay(200))
        {
            try
            {
                if ((await probe.GetAsync(new Uri(url, "/health"))).IsSuccessStatusCode) return gateway;
            }
            catch (HttpRequestException)
            {
            }
        }
        await gateway.DisposeAsync();
        throw new InvalidOperationException($"The {name} gateway did not become healthy at {url}:{Environment.NewLine}{string.Join(Environment.NewLine, output)}");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
    }
}
