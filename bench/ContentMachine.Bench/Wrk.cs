using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using ContentMachine.AppHost.Hosting;

namespace ContentMachine.Bench;

/// <summary>Runs wrk (one thread, as the machine has two cores to share with the stack) and reads its figures.</summary>
internal static partial class Wrk
{
    public sealed record Result(double RequestsPerSecond, double P50Ms, double P99Ms);

    /// <summary>What one side of a comparison calls, with the API key it sends (if any).</summary>
    public sealed record Target(string Name, Uri Url, string? ApiKey = null);

    /// <summary>A warm-up of each target (tiered JIT, connection pools), then <paramref name="rounds"/> rounds, targets
    /// interleaved so that all see the same machine; prints every round and the medians, and returns the medians.</summary>
    public static async Task<IReadOnlyDictionary<string, Result>> CompareAsync(
        IReadOnlyList<Target> targets, int seconds, int connections, int rounds, string? luaScript = null)
    {
        var results = targets.ToDictionary(t => t.Name, _ => new List<Result>());
        foreach (var target in targets) await RunAsync(target.Url, 5, connections, luaScript, target.ApiKey);
        for (var round = 1; round <= rounds; round++)
            foreach (var target in round % 2 == 1 ? targets : targets.Reverse()) // no target always goes first
            {
                var result = await RunAsync(target.Url, seconds, connections, luaScript, target.ApiKey);
                results[target.Name].Add(result);
                Console.WriteLine($"round {round} {target.Name,-14} {result.RequestsPerSecond,9:F0} req/s  p50 {result.P50Ms,6:F2} ms  p99 {result.P99Ms,6:F2} ms");
            }
        Console.WriteLine();
        var medians = results.ToDictionary(r => r.Key, r => Median(r.Value));
        foreach (var (name, median) in medians)
            Console.WriteLine($"{name,-14} median {median.RequestsPerSecond,9:F0} req/s  p50 {median.P50Ms:F2} ms  p99 {median.P99Ms:F2} ms");
        return medians;
    }

    public static bool IsInstalled(out string hint)
    {
        hint = "wrk is not installed: apt-get install -y wrk";
        return Executable.Find("wrk") is not null;
    }

    /// <summary>GET by default; a Lua script (wrk -s) for anything else. An API key goes in the script, not on wrk's
    /// command line, where any local user could read it.</summary>
    public static async Task<Result> RunAsync(Uri url, int seconds, int connections, string? luaScript = null, string? apiKey = null)
    {
        var arguments = new List<string> { "-t1", $"-c{connections}", $"-d{seconds}s", "--latency" };
        string? scriptPath = null;
        if (apiKey is not null) luaScript = $"wrk.headers[\"X-Api-Key\"] = \"{apiKey}\"\n{luaScript}";
        if (luaScript is not null)
        {
            scriptPath = Path.Combine(Path.GetTempPath(), $"contentmachine-bench-{Guid.NewGuid():N}.lua");
            await File.WriteAllTextAsync(scriptPath, luaScript);
            arguments.AddRange(["-s", scriptPath]);
        }
        arguments.Add(url.AbsoluteUri);
        try
        {
            using var wrk = Process.Start(new ProcessStartInfo("wrk", arguments) { RedirectStandardOutput = true })!;
            var output = await wrk.StandardOutput.ReadToEndAsync();
            await wrk.WaitForExitAsync();
            if (NonSuccess().Match(output) is { Success: true } errors)
                throw new InvalidOperationException($"wrk saw {errors.Groups[1].Value} non-2xx responses from {url}");
            return new Result(
                double.Parse(RequestsPerSecond().Match(output).Groups[1].Value, CultureInfo.InvariantCulture),
                Latency(output, "50%"), Latency(output, "99%"));
        }
        finally
        {
            if (scriptPath is not null) File.Delete(scriptPath);
        }
    }

    public static Result Median(IReadOnlyCollection<Result> runs) =>
        new(Stats.Median(runs.Select(r => r.RequestsPerSecond)), Stats.Median(runs.Select(r => r.P50Ms)), Stats.Median(runs.Select(r => r.P99Ms)));

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
}
