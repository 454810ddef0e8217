using ContentMachine.AppHost.Hosting;

namespace ContentMachine.Bench;

/// <summary>POST /api/projects with the outbox on (each request commits a project, its stages and an outbox row; the
/// relay publishes ProjectSubmitted and the Pipeline consumes it meanwhile), through the gateway and directly.</summary>
internal static class ProjectsPostBenchmark
{
    private const string PostScript = """
        wrk.method = "POST"
        wrk.headers["Content-Type"] = "application/json"
        local n = 0
        request = function()
          n = n + 1
          return wrk.format(nil, nil, nil, '{"topic":"Benchmark topic number ' .. n .. '","options":{"durationSeconds":30}}')
        end
        """;

    public static async Task<int> RunAsync(int seconds, int connections, int rounds)
    {
        if (!Wrk.IsInstalled(out var hint))
        {
            Console.Error.WriteLine(hint);
            return 2;
        }
        var state = BenchStacks.NewStateFolder("post");
        try
        {
            await using var stack = new DistributedStack(BenchStacks.Options(state));
            await stack.StartAsync();
            var targets = new[] { ("direct", new Uri(stack.ServiceUrl("projects"), "/api/projects")), ("gateway", new Uri(stack.GatewayUrl, "/api/projects")) };
            Console.WriteLine($"POST /api/projects (durable PostgreSQL, outbox on): wrk -t1 -c{connections} -d{seconds}s, {rounds} rounds each, interleaved");
            foreach (var (_, url) in targets) await Wrk.RunAsync(url, 5, connections, PostScript, stack.AdminApiKey);
            var results = targets.ToDictionary(t => t.Item1, _ => new List<Wrk.Result>());
            for (var round = 1; round <= rounds; round++)
                foreach (var (name, url) in targets)
                {
                    var result = await Wrk.RunAsync(url, seconds, connections, PostScript, stack.AdminApiKey);
                    results[name].Add(result);
                    Console.WriteLine($"round {round} {name,-8} {result.RequestsPerSecond,8:F0} req/s  p50 {result.P50Ms,6:F2} ms  p99 {result.P99Ms,6:F2} ms");
                }
            var direct = Wrk.Median(results["direct"]);
            var gateway = Wrk.Median(results["gateway"]);
            Console.WriteLine();
            Console.WriteLine($"gateway  median {gateway.RequestsPerSecond,8:F0} req/s  p50 {gateway.P50Ms:F2} ms  p99 {gateway.P99Ms:F2} ms");
            Console.WriteLine($"direct   median {direct.RequestsPerSecond,8:F0} req/s  p50 {direct.P50Ms:F2} ms  p99 {direct.P99Ms:F2} ms");
            Console.WriteLine($"ratio gateway/direct {gateway.RequestsPerSecond / direct.RequestsPerSecond:F2}");
            return 0;
        }
        finally
        {
            BenchStacks.Delete(state);
        }
    }
}
