using System.Diagnostics;
using ContentMachine.AppHost.Hosting;

namespace ContentMachine.Bench;

/// <summary>Time from StartAsync to every resource healthy, for a fresh state folder (initdb, first broker boot) and
/// again on the state that run left (a developer's usual restart), plus the time a stop takes.</summary>
internal static class ColdStartBenchmark
{
    public static async Task<int> RunAsync(int runs)
    {
        var fresh = new List<double>();
        var existing = new List<double>();
        var stops = new List<double>();
        var ready = new List<Dictionary<string, double>>();
        for (var run = 1; run <= runs; run++)
        {
            var state = BenchStacks.NewStateFolder("coldstart");
            try
            {
                foreach (var kind in new[] { "fresh", "existing" })
                {
                    await using var stack = new DistributedStack(BenchStacks.Options(state));
                    var readyAt = new Dictionary<string, double>();
                    var clock = Stopwatch.StartNew();
                    stack.ResourceChanged += s =>
                    {
                        if (s.State == ResourceState.Running) lock (readyAt) readyAt.TryAdd(s.Name, clock.Elapsed.TotalSeconds);
                    };
                    await stack.StartAsync();
                    var started = clock.Elapsed.TotalSeconds;
                    (kind == "fresh" ? fresh : existing).Add(started);
                    if (kind == "fresh") ready.Add(readyAt);
                    var stopClock = Stopwatch.StartNew();
                    await stack.StopAsync();
                    stops.Add(stopClock.Elapsed.TotalSeconds);
                    Console.WriteLine($"run {run} {kind,-8} all healthy after {started,5:F2} s, stopped in {stopClock.Elapsed.TotalSeconds:F2} s");
                }
            }
            finally
            {
                BenchStacks.Delete(state);
            }
        }

        Console.WriteLine();
        Console.WriteLine($"cold start, fresh state    median {Stats.Median(fresh):F2} s  (runs: {string.Join(", ", fresh.Select(x => x.ToString("F2")))})");
        Console.WriteLine($"cold start, existing state median {Stats.Median(existing):F2} s  (runs: {string.Join(", ", existing.Select(x => x.ToString("F2")))})");
        Console.WriteLine($"stop                       median {Stats.Median(stops):F2} s");
        Console.WriteLine("median time at which each resource was running (fresh state):");
        foreach (var name in ready[0].Keys.OrderBy(k => Stats.Median(ready.Select(r => r[k]))))
            Console.WriteLine($"  {name,-12} {Stats.Median(ready.Select(r => r[name])),5:F2} s");
        return 0;
    }
}
