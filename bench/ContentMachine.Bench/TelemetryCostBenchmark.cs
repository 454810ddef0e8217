using System.Net.Http.Json;
using System.Text.Json;
using ContentMachine.AppHost.Hosting;

namespace ContentMachine.Bench;

/// <summary>What exporting telemetry costs a request: two stacks side by side, one whose services export to the AppHost
/// (as always) and one whose services have no OTLP endpoint (spans and metrics are still produced, nothing is sent);
/// the same GET through each gateway with wrk, rounds interleaved so both see the same machine.</summary>
internal static class TelemetryCostBenchmark
{
    public static async Task<int> RunAsync(int seconds, int connections, int rounds)
    {
        if (!Wrk.IsInstalled(out var hint))
        {
            Console.Error.WriteLine(hint);
            return 2;
        }
        var states = new[] { BenchStacks.NewStateFolder("otel-on"), BenchStacks.NewStateFolder("otel-off") };
        DistributedStack? on = null, off = null;
        try
        {
            on = new DistributedStack(BenchStacks.Options(states[0]));
            await on.StartAsync();
            // The same options, plus an empty OTLP endpoint for every service and the gateway (their other settings kept).
            var offOptions = BenchStacks.Options(states[1]);
            var noExport = ContentMachineModel.ServiceNames.Append("gateway").ToDictionary(s => s, s =>
                (IReadOnlyDictionary<string, string?>)new Dictionary<string, string?>(
                    offOptions.Environment.TryGetValue(s, out var kept) ? kept : new Dictionary<string, string?>()) { ["OTEL_EXPORTER_OTLP_ENDPOINT"] = "" });
            off = new DistributedStack(offOptions with { Environment = noExport });
            await off.StartAsync();

            var targets = new List<Wrk.Target>();
            foreach (var (name, stack) in new[] { ("exporter on", on), ("exporter off", off) })
            {
                using var http = new HttpClient { BaseAddress = stack.GatewayUrl, DefaultRequestHeaders = { { "X-Api-Key", stack.AdminApiKey } } };
                var created = await http.PostAsJsonAsync("/api/projects", new { topic = "Telemetry cost", draft = true });
                var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
                targets.Add(new(name, new Uri(stack.GatewayUrl, $"/api/projects/{id}"), stack.AdminApiKey));
            }

            Console.WriteLine($"GET /api/projects/{{id}} through the gateway: wrk -t1 -c{connections} -d{seconds}s, {rounds} rounds each, interleaved");
            var medians = await Wrk.CompareAsync(targets, seconds, connections, rounds);
            var (withExport, without) = (medians["exporter on"], medians["exporter off"]);
            Console.WriteLine($"ratio on/off: throughput {withExport.RequestsPerSecond / without.RequestsPerSecond:F2}, "
                + $"p50 {withExport.P50Ms / without.P50Ms:F2}x ({withExport.P50Ms - without.P50Ms:+0.00;-0.00} ms), "
                + $"p99 {withExport.P99Ms / without.P99Ms:F2}x ({withExport.P99Ms - without.P99Ms:+0.00;-0.00} ms); "
                + $"the AppHost kept {on.Telemetry.Store.SpanCount:N0} spans ({on.Telemetry.Store.EvictedSpans:N0} evicted)");
            return 0;
        }
        finally
        {
            if (off is not null) await off.DisposeAsync();
            if (on is not null) await on.DisposeAsync();
            foreach (var state in states) BenchStacks.Delete(state);
        }
    }
}
