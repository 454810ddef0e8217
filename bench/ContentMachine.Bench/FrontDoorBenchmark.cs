using System.Net.Http.Json;
using System.Text.Json;
using ContentMachine.AppHost.Hosting;

namespace ContentMachine.Bench;

/// <summary>The cost of the front door: the same GET (a project read from PostgreSQL) through two gateway processes
/// started alike in front of one stack, one with authentication and Redis rate limiting (an API key checked and a Lua
/// token bucket taken from on every request) and one with both off, rounds interleaved.</summary>
internal static class FrontDoorBenchmark
{
    public static async Task<int> RunAsync(int seconds, int connections, int rounds)
    {
        if (!Wrk.IsInstalled(out var hint))
        {
            Console.Error.WriteLine(hint);
            return 2;
        }
        var state = BenchStacks.NewStateFolder("frontdoor");
        try
        {
            await using var stack = new DistributedStack(BenchStacks.Options(state));
            await stack.StartAsync();
            await using var on = await GatewayProcess.StartAsync(stack, "gateway-auth-on", GatewayRateLimits.Unlimited);
            await using var off = await GatewayProcess.StartAsync(stack, "gateway-auth-off", new Dictionary<string, string?> { ["Gateway__Auth__Enabled"] = "false" });
            using var http = new HttpClient { BaseAddress = on.Url, DefaultRequestHeaders = { { "X-Api-Key", stack.AdminApiKey } } };
            var created = await http.PostAsJsonAsync("/api/projects", new { topic = "Benchmark topic", draft = true });
            var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
            var path = $"/api/projects/{id}";
            Console.WriteLine($"GET {path} through the gateway, auth + rate limits on vs off: wrk -t1 -c{connections} -d{seconds}s, {rounds} rounds each, interleaved");
            var medians = await Wrk.CompareAsync(
                [new("auth on", new Uri(on.Url, path), stack.AdminApiKey), new("auth off", new Uri(off.Url, path))], seconds, connections, rounds);

            var (withAuth, without) = (medians["auth on"], medians["auth off"]);
            Console.WriteLine($"ratio on/off: throughput {withAuth.RequestsPerSecond / without.RequestsPerSecond:F2}, "
                + $"p50 +{withAuth.P50Ms - without.P50Ms:F2} ms, p99 +{withAuth.P99Ms - without.P99Ms:F2} ms");
            return 0;
        }
        finally
        {
            BenchStacks.Delete(state);
        }
    }
}
