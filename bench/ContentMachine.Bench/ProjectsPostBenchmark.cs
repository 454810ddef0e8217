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
            Console.WriteLine($"POST /api/projects (durable PostgreSQL, outbox on): wrk -t1 -c{connections} -d{seconds}s, {rounds} rounds each, interleaved");
            var medians = await Wrk.CompareAsync(
                [new("direct", new Uri(stack.ServiceUrl("projects"), "/api/projects")), new("gateway", new Uri(stack.GatewayUrl, "/api/projects"), stack.AdminApiKey)],
                seconds, connections, rounds, PostScript);
            var (direct, gateway) = (medians["direct"], medians["gateway"]);
            Console.WriteLine($"ratio gateway/direct {gateway.RequestsPerSecond / direct.RequestsPerSecond:F2}");
            return 0;
        }
        finally
        {
            BenchStacks.Delete(state);
        }
    }
}
