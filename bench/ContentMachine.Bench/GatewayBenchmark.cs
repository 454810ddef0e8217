using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using ContentMachine.AppHost.Hosting;

namespace ContentMachine.Bench;

/// <summary>The same GET (a project read from PostgreSQL) measured directly against the Projects service and through
/// the gateway, in one run, rounds interleaved so that both see the same machine; wrk drives the load.</summary>
internal static partial class GatewayBenchmark
{
    public static async Task<int> RunAsync(int seconds, int connections, int rounds)
    {
        if (Executable.Find("wrk") is null)
        {
            Console.Error.WriteLine("wrk is not installed: apt-get install -y wrk");
            return 2;
        }
        var state = BenchStacks.NewStateFolder("gateway");
        try
        {
            await using var stack = new DistributedStack(BenchStacks.Options(state));
            await stack.StartAsync();
            using var http = new HttpClient { BaseAddress = stack.GatewayUrl };
            var created = await http.PostAsJsonAsync("/api/projects", new { topic = "Benchmark topic" });
            var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
            var path = $"/api/projects/{id}";
            var targets = new[] { ("direct", new Uri(stack.ServiceUrl("projects"), path)), ("gateway", new Uri(stack.GatewayUrl, path)) };

            Console.WriteLine($"GET {path}: wrk -t1 -c{connections} -d{seconds}s, {rounds} rounds each, interleaved");
            var results = targets.ToDictionary(t => t.Item1, _ => new List<WrkResult>());
            foreach (var (_, url) in targets) await RunWrkAsync(url, 5, connections); // warm-up: tiered JIT, connection pools
            for (var round = 1; round <= rounds; round++)
                foreach (var (name, url) in targets)
                {
                    var result = await RunWrkAsync(url, seconds, connections);
                    results[name].Add(result);
                    Console.WriteLine($"round {round} {name,-8} {result.RequestsPerSecond,9:F0} req/s  p50 {result.P50Ms,6:F2} ms  p99 {result.P99Ms,6:F2} ms");
                }

            var direct = Summarize(results["direct"]);
            var gateway = Summarize(results["gateway"]);
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

    private static WrkResult Summarize(List<WrkResult> runs) =>
        new(Stats.Median(runs.Select(r => r.RequestsPerSecond)), Stats.Median(runs.Select(r => r.P50Ms)), Stats.Median(runs.Select(r => r.P99Ms)));

    private static async Task<WrkResult> RunWrkAsync(Uri url, int seconds, int connections)
    {
        var info = new ProcessStartInfo("wrk", ["-t1", $"-c{connections}", $"-d{seconds}s", "--latency", url.AbsoluteUri]) { RedirectStandardOutput = true };
        using var wrk = Process.Start(info)!;
        var output = await wrk.StandardOutput.ReadToEndAsync();
        await wrk.WaitForExitAsync();
        if (NonSuccess().Match(output) is { Success: true } errors)
            throw new InvalidOperationException($"wrk saw {errors.Groups[1].Value} non-2xx responses from {url}");
        return new WrkResult(
            double.Parse(RequestsPerSecond().Match(output).Groups[1].Value, CultureInfo.InvariantCulture),
            Latency(output, "50%"), Latency(output, "99%"));
    }

    private static double Latency(string output, string percentile)
    {
        var match = Regex.Match(output, $@"^\s*{Regex.Escape(percentile)}\s+([\d.]+)(us|ms|s)\s*$", RegexOptions.Multiline);
        var value = double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        return match.Groups[2].Value switch { "us" => value / 1000, "s" => value * 1000, _ => value };
    }

    [GeneratedRegex(@"Requests/sec:\s+([\d.]+)")]
    private static partial Regex RequestsPerSecond();

    [GeneratedRegex(@"Non-2xx or 3xx responses:\s+(\d+)")]
    private static partial Regex NonSuccess();

    private sealed record WrkResult(double RequestsPerSecond, double P50Ms, double P99Ms);
}
