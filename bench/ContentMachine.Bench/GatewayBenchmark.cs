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
            var created = await http.PostAsJsonAsync("/api/projects", new { topic = "Benchmark topic" });
            var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
            var path = $"/api/projects/{id}";
            var targets = new[] { ("direct", new Uri(stack.ServiceUrl("projects"), path)), ("gateway", new Uri(stack.GatewayUrl, path)) };

            Console.WriteLine($"GET {path}: wrk -t1 -c{connections} -d{seconds}s, {rounds} rounds each, interleaved");
            var results = targets.ToDictionary(t => t.Item1, _ => new List<Wrk.Result>());
            foreach (var (_, url) in targets) await Wrk.RunAsync(url, 5, connections, apiKey: stack.AdminApiKey); // warm-up: tiered JIT, connection pools
            for (var round = 1; round <= rounds; round++)
                foreach (var (name, url) in targets)
                {
                    var result = await Wrk.RunAsync(url, seconds, connections, apiKey: stack.AdminApiKey);
                    results[name].Add(result);
                    Console.WriteLine($"round {round} {name,-8} {result.RequestsPerSecond,9:F0} req/s  p50 {result.P50Ms,6:F2} ms  p99 {result.P99Ms,6:F2} ms");
                }

            var direct = Wrk.Median(results["direct"]);
            var gateway = Wrk.Median(results["gateway"]);
            Console.WriteLine();
            Console.WriteLine($"direct   median {direct.RequestsPerSecond,9:F0} req/s  p50 {direct.P50Ms:F2} ms  p99 {direct.P99Ms:F2} ms");
            Console.WriteLine($"gateway  median {gateway.RequestsPerSecond,9:F0} req/s  p50 {gateway.P50Ms:F2} ms  p99 {gateway.P99Ms:F2} ms");
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
