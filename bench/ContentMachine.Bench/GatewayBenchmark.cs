using System.Net.Http.Json;
using System.Text.Json;
using ContentMachine.AppHost.Hosting;

namespace ContentMachine.Bench;

/// <summary>The same GET (a project read from PostgreSQL) measured directly against the Projects service and through
/// the gateway, in one run, rounds interleaved so that both see the same machine.</summary>
internal static class GatewayBenchmark
{
    public static async Task<int> RunAsync(int seconds, int connections, int rounds)
    {
        if (!Wrk.IsInstalled(out var hint))
        {
            Console.Error.WriteLine(hint);
            return 2;
        }
        var state = BenchStacks.NewStateFolder("gateway");
        try
        {
            await using var stack = new DistributedStack(BenchStacks.Options(state));
            await stack.StartAsync();
            using var http = new HttpClient { BaseAddress = stack.GatewayUrl, DefaultRequestHeaders = { { "X-Api-Key", stack.AdminApiKey } } };
            var created = await http.PostAsJsonAsync("/api/projects", new { topic = "Benchmark topic", draft = true }); // no render competing for the cores
            var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
            var path = $"/api/projects/{id}";
            Console.WriteLine($"GET {path}: wrk -t1 -c{connections} -d{seconds}s, {rounds} rounds each, interleaved");
            var medians = await Wrk.CompareAsync(
                [new("direct", new Uri(stack.ServiceUrl("projects"), path)), new("gateway", new Uri(stack.GatewayUrl, path), stack.AdminApiKey)],
                seconds, connections, rounds);

            var (direct, gateway) = (medians["direct"], medians["gateway"]);
            Console.WriteLine($"ratio gateway/direct: throughput {gateway.RequestsPerSecond / direct.RequestsPerSecond:F2}, "
                + $"p50 +{gateway.P50Ms - direct.P50Ms:F2} ms, p99 +{gateway.P99Ms - direct.P99Ms:F2} ms");
            return 0;
        }
        finally
        {
            BenchStacks.Delete(state);
        }
    }
}
