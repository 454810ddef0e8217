using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using ContentMachine.AppHost.Hosting;
using ContentMachine.Contracts;
using ContentMachine.ServiceDefaults.Messaging;
using MassTransit;

namespace ContentMachine.Bench;

/// <summary>The outbox relay end to end: projects are committed in batches of 100 (4 requests at a time); a consumer of
/// its own receives every ProjectSubmitted; the figures are events per second from the first commit to the last
/// delivery, and each event's delay from its commit to its delivery.</summary>
internal static class OutboxBenchmark
{
    public static async Task<int> RunAsync(int events)
    {
        var state = BenchStacks.NewStateFolder("outbox");
        try
        {
            await using var stack = new DistributedStack(BenchStacks.Options(state) with { Only = ["projects"] });
            await stack.StartAsync();
            var delivered = new ConcurrentDictionary<Guid, (DateTimeOffset Committed, DateTimeOffset Delivered)>();
            var all = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var settings = RabbitMqSettings.Parse(stack.ConnectionString("messaging"));
            var bus = Bus.Factory.CreateUsingRabbitMq(rabbit =>
            {
                rabbit.Host(settings.Host, settings.Port, settings.VirtualHost, h =>
                {
                    h.Username(settings.UserName);
                    h.Password(settings.Password);
                });
                rabbit.ReceiveEndpoint($"outbox-bench-{Guid.NewGuid():N}", e =>
                {
                    e.AutoDelete = true;
                    e.PrefetchCount = 200;
                    e.Handler<ProjectSubmitted>(context =>
                    {
                        delivered.TryAdd(context.Message.EventId, (context.Message.OccurredAt, DateTimeOffset.UtcNow));
                        if (delivered.Count >= events) all.TrySetResult();
                        return Task.CompletedTask;
                    });
                });
            });
            await bus.StartAsync();
            try
            {
                using var http = new HttpClient { BaseAddress = stack.ServiceUrl("projects") };
                await http.PostAsJsonAsync("/api/projects/batch", new { topics = new[] { "warm-up" } });
                await Task.Delay(1000);
                delivered.Clear();

                var clock = Stopwatch.StartNew();
                var batches = Enumerable.Range(0, events / 100).Select(b => Enumerable.Range(0, 100).Select(i => $"Outbox benchmark {b}-{i}").ToList()).ToList();
                await Parallel.ForEachAsync(batches, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (topics, ct) =>
                    (await http.PostAsJsonAsync("/api/projects/batch", new { topics }, ct)).EnsureSuccessStatusCode());
                var committedIn = clock.Elapsed;
                await all.Task.WaitAsync(TimeSpan.FromMinutes(5));

                var values = delivered.Values.ToList();
                var span = values.Max(v => v.Delivered) - values.Min(v => v.Committed);
                var delays = values.Select(v => (v.Delivered - v.Committed).TotalMilliseconds).Order().ToList();
                Console.WriteLine($"{values.Count} events committed in {committedIn.TotalSeconds:F2} s ({values.Count / committedIn.TotalSeconds:F0} commits/s via the batch API)");
                Console.WriteLine($"relay throughput, first commit to last delivery: {values.Count / span.TotalSeconds:F0} events/s over {span.TotalSeconds:F2} s");
                Console.WriteLine($"commit-to-consumer delay: p50 {Percentile(delays, 0.50):F1} ms  p99 {Percentile(delays, 0.99):F1} ms  max {delays[^1]:F1} ms");

                delivered.Clear();
                all = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                var single = new List<double>();
                for (var i = 0; i < 50; i++)
                {
                    var before = delivered.Count;
                    await http.PostAsJsonAsync("/api/projects", new { topic = $"Single outbox benchmark {i}" });
                    while (delivered.Count == before) await Task.Delay(1);
                }
                single.AddRange(delivered.Values.Select(v => (v.Delivered - v.Committed).TotalMilliseconds).Order());
                Console.WriteLine($"one event at a time (idle relay woken by the commit): p50 {Percentile(single, 0.50):F1} ms  p99 {Percentile(single, 0.99):F1} ms");
                return 0;
            }
            finally
            {
                await bus.StopAsync();
            }
        }
        finally
        {
            BenchStacks.Delete(state);
        }
    }

    private static double Percentile(IReadOnlyList<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
}
