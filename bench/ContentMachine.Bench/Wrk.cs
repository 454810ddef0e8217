using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using ContentMachine.AppHost.Hosting;

namespace ContentMachine.Bench;

/// <summary>Runs wrk (one thread, as the machine has two cores to share with the stack) and reads its figures.</summary>
internal static partial class Wrk
{
    public sealed record Result(double RequestsPerSecond, double P50Ms, double P99Ms);

    public static bool IsInstalled(out string hint)
    {
        hint = "wrk is not installed: apt-get install -y wrk";
        return Executable.Find("wrk") is not null;
    }

    /// <summary>GET by default; a Lua script (wrk -s) for anything else.</summary>
    public static async Task<Result> RunAsync(Uri url, int seconds, int connections, string? luaScript = null)
    {
        var arguments = new List<string> { "-t1", $"-c{connections}", $"-d{seconds}s", "--latency" };
        string? scriptPath = null;
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

    /// <summary>The same load on several targets in one run: a 5 s warm-up each (tiered JIT, connection pools), then
    /// <paramref name="rounds"/> rounds, alternating the order every round so none always goes first; prints every run
    /// and returns each target's medians.</summary>
    public static async Task<Dictionary<string, Result>> CompareAsync(IReadOnlyList<(string Name, Uri Url)> targets, int seconds, int connections, int rounds)
    {
        var results = targets.ToDictionary(t => t.Name, _ => new List<Result>());
        foreach (var (_, url) in targets) await RunAsync(url, 5, connections);
        for (var round = 1; round <= rounds; round++)
            foreach (var (name, url) in round % 2 == 1 ? targets : targets.Reverse())
            {
                var result = await RunAsync(url, seconds, connections);
                results[name].Add(result);
                Console.WriteLine($"round {round} {name,-14} {result.RequestsPerSecond,9:F0} req/s  p50 {result.P50Ms,6:F2} ms  p99 {result.P99Ms,6:F2} ms");
            }
        Console.WriteLine();
        var medians = results.ToDictionary(r => r.Key, r => Median(r.Value));
        foreach (var (name, median) in medians)
            Console.WriteLine($"{name,-14} median {median.RequestsPerSecond,9:F0} req/s  p50 {median.P50Ms:F2} ms  p99 {median.P99Ms:F2} ms");
        return medians;
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
