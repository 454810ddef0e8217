using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using ContentMachine.AppHost.Hosting;

namespace ContentMachine.Bench;

/// <summary>Topic to rendered video through the gateway on a real stack: the end-to-end time of single projects (median,
/// with the time each stage took), then a batch of projects with one Pipeline replica and with two, in the same run.</summary>
internal static class PipelineBenchmark
{
    public static async Task<int> RunAsync(int rounds, int batch, int durationSeconds)
    {
        await OnStackAsync(1, async http =>
        {
            var totals = new List<double>();
            var stageTimes = new Dictionary<string, List<double>>();
            for (var round = 0; round <= rounds; round++)
            {
                var clock = Stopwatch.StartNew();
                var id = await CreateAsync(http, $"Why octopuses have three hearts, take {round}", durationSeconds);
                await WaitRenderedAsync(http, id);
                var elapsed = clock.Elapsed.TotalSeconds;
                if (round == 0) continue; // warm-up: JIT, connection pools, espeak's first load
                totals.Add(elapsed);
                var run = (await http.GetFromJsonAsync<JsonElement>($"/api/pipeline/runs?projectId={id}"))[0];
                foreach (var stage in run.GetProperty("stages").EnumerateArray())
                {
                    var took = (stage.GetProperty("completedAt").GetDateTimeOffset() - stage.GetProperty("startedAt").GetDateTimeOffset()).TotalSeconds;
                    (stageTimes.TryGetValue(stage.GetProperty("name").GetString()!, out var list) ? list : stageTimes[stage.GetProperty("name").GetString()!] = []).Add(took);
                }
                Console.WriteLine($"round {round}: topic to rendered {elapsed:F1} s ({durationSeconds} s target)");
            }
            Console.WriteLine($"topic to rendered video, median of {rounds}: {Stats.Median(totals):F1} s");
            foreach (var (stage, times) in stageTimes) Console.WriteLine($"  {stage,-10} median {Stats.Median(times),6:F2} s");
            return 0.0;
        });

        var throughput = new Dictionary<int, double>();
        foreach (var replicas in new[] { 1, 2 })
            throughput[replicas] = await OnStackAsync(replicas, async http =>
            {
                var clock = Stopwatch.StartNew();
                var ids = await Task.WhenAll(Enumerable.Range(1, batch).Select(i => CreateAsync(http, $"Batch topic number {i} about volcanoes", durationSeconds)));
                await Task.WhenAll(ids.Select(id => WaitRenderedAsync(http, id)));
                var seconds = clock.Elapsed.TotalSeconds;
                Console.WriteLine($"{batch} projects with {replicas} pipeline replica(s): {seconds:F1} s, {batch * 60 / seconds:F2} videos/min");
                return seconds;
            });
        Console.WriteLine($"ratio 2 replicas / 1 replica (time for {batch}): {throughput[2] / throughput[1]:F2}");
        return 0;
    }

    private static async Task<double> OnStackAsync(int replicas, Func<HttpClient, Task<double>> measure)
    {
        var state = BenchStacks.NewStateFolder("pipeline");
        try
        {
            await using var stack = new DistributedStack(BenchStacks.Options(state) with { Replicas = new Dictionary<string, int> { ["pipeline"] = replicas } });
            await stack.StartAsync();
            using var http = new HttpClient { BaseAddress = stack.GatewayUrl, Timeout = TimeSpan.FromMinutes(2), DefaultRequestHeaders = { { "X-Api-Key", stack.AdminApiKey } } };
            return await measure(http);
        }
        finally
        {
            BenchStacks.Delete(state);
        }
    }

    private static async Task<Guid> CreateAsync(HttpClient http, string topic, int durationSeconds)
    {
        var created = await http.PostAsJsonAsync("/api/projects", new { topic, options = new { durationSeconds } });
        created.EnsureSuccessStatusCode();
        return (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private static async Task WaitRenderedAsync(HttpClient http, Guid id)
    {
        var deadline = DateTime.UtcNow.AddMinutes(15);
        while (DateTime.UtcNow < deadline)
        {
            var status = (await http.GetFromJsonAsync<JsonElement>($"/api/projects/{id}")).GetProperty("status").GetString();
            if (status == "rendered") return;
            if (status is "failed" or "cancelled") throw new InvalidOperationException($"Project {id} ended {status}.");
            await Task.Delay(200);
        }
        throw new TimeoutException($"Project {id} was not rendered within 15 minutes.");
    }
}
