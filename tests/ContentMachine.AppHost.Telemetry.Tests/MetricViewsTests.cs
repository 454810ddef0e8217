using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ContentMachine.AppHost.Telemetry.Metrics;

namespace ContentMachine.AppHost.Telemetry.Tests;

/// <summary>The metrics page's figures, computed from what the receiver stored.</summary>
public sealed class MetricViewsTests : IAsyncLifetime
{
    private static readonly double[] Bounds = [0.01, 0.1, 1];
    private RunningTelemetry _telemetry = null!;

    public async Task InitializeAsync() => _telemetry = await RunningTelemetry.StartAsync();
    public async Task DisposeAsync() => await _telemetry.DisposeAsync();

    [Fact]
    public async Task Request_rates_add_up_the_differences_of_cumulative_points_across_a_restart_without_health_probes()
    {
        var now = DateTimeOffset.UtcNow;
        DateTimeOffset At(int secondsAgo) => now.AddSeconds(-secondsAgo);
        var firstProcess = At(50);
        var restarted = At(20);
        _telemetry.Store.AddMetricPoints([
            Point("projects", firstProcess, At(45), "/api/projects", 200, [10, 0, 0, 0]), // first export of a new process: all new
            Point("projects", firstProcess, At(45), "/health", 200, [900, 0, 0, 0]),
            Point("projects", firstProcess, At(35), "/api/projects", 200, [10, 20, 0, 0]), // +20
            Point("projects", firstProcess, At(35), "/health", 200, [1900, 0, 0, 0]),
            Point("projects", firstProcess, At(25), "/api/projects/{id}", 500, [0, 0, 4, 0]), // a route's first requests
            Point("projects", restarted, At(15), "/api/projects", 200, [6, 0, 0, 0]), // counting again from zero
            Point("search", At(48), At(30), "/api/search", 200, [3, 0, 0, 0]), // first exported with its first requests
        ]);
        using var client = _telemetry.DashboardClient();

        var services = await client.GetFromJsonAsync<JsonElement>("/api/metrics/requests?minutes=1&windowSeconds=10");
        using var bad = await client.GetAsync("/api/metrics/requests?minutes=0&windowSeconds=1");

        var byName = services.EnumerateArray().ToDictionary(s => s.GetProperty("service").GetString()!);
        byName.Keys.Should().Equal("projects", "search");
        var projects = byName["projects"];
        projects.GetProperty("requests").GetInt64().Should().Be(40);
        projects.GetProperty("serverErrors").GetInt64().Should().Be(4);
        projects.GetProperty("ratePerSecond").GetDouble().Should().BeApproximately(40 / 60.0, 1e-9);
        projects.GetProperty("p50Ms").GetDouble().Should().BeApproximately(28, 1e-6, "rank 20 of 40 is 4/20 into the 10-100 ms bucket");
        projects.GetProperty("p99Ms").GetDouble().Should().BeApproximately(910, 1e-6);
        projects.GetProperty("windows").EnumerateArray().Select(w => w.GetProperty("requests").GetInt64()).Should().HaveCount(6).And.Subject.Sum().Should().Be(40);
        byName["search"].GetProperty("requests").GetInt64().Should().Be(3);
        bad.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var errors = (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        errors.TryGetProperty("minutes", out _).Should().BeTrue();
        errors.TryGetProperty("windowSeconds", out _).Should().BeTrue();
    }

    [Fact]
    public void Once_points_were_evicted_a_series_of_a_process_older_than_the_window_starts_from_a_baseline()
    {
        var now = DateTimeOffset.UtcNow;
        DateTimeOffset At(int secondsAgo) => now.AddSeconds(-secondsAgo);
        TelemetryMetricPoint[] points =
        [
            Point("gateway", At(3600), At(40), "/api/projects", 200, [500, 0, 0, 0]), // began an hour ago
            Point("gateway", At(3600), At(30), "/api/projects", 200, [505, 5, 0, 0]),
            Point("search", At(35), At(30), "/api/search", 200, [3, 0, 0, 0]), // began after the oldest point kept
        ];

        var evicted = RequestRates.Compute(points, nothingEvicted: false, now, TimeSpan.FromMinutes(1), TimeSpan.FromSeconds(10));
        var complete = RequestRates.Compute(points, nothingEvicted: true, now, TimeSpan.FromMinutes(1), TimeSpan.FromSeconds(10));

        evicted.ToDictionary(s => s.Service, s => s.Requests).Should().BeEquivalentTo(new Dictionary<string, long> { ["gateway"] = 10, ["search"] = 3 });
        complete.ToDictionary(s => s.Service, s => s.Requests).Should().BeEquivalentTo(new Dictionary<string, long> { ["gateway"] = 510, ["search"] = 3 });
    }

    [Fact]
    public async Task Stage_durations_come_from_the_stage_spans_in_the_order_the_stages_run()
    {
        var spans = new List<TelemetrySpan>();
        foreach (var (run, renderMs, failed) in new[] { ("1", 4000.0, false), ("2", 6000.0, true) })
        {
            var t0 = DateTimeOffset.UtcNow.AddMinutes(run == "1" ? -2 : -1);
            var runId = $"{run}000000000000000";
            spans.Add(Span(runId, "c000000000000000", "pipeline.run", t0, 12_000));
            spans.Add(Span($"{run}100000000000000", runId, "pipeline.script", t0.AddMilliseconds(10), 100));
            spans.Add(Span($"{run}500000000000000", runId, "pipeline.ffmpeg", t0.AddMilliseconds(5100), renderMs - 200));
            spans.Add(Span($"{run}300000000000000", runId, "pipeline.render", t0.AddMilliseconds(5000), renderMs, failed));
            spans.Add(Span($"{run}200000000000000", runId, "pipeline.narration", t0.AddMilliseconds(200), 1000));
            spans.Add(Span($"{run}400000000000000", runId, "projects.create", t0, 5));
        }
        _telemetry.Store.AddSpans(spans);
        using var client = _telemetry.DashboardClient();

        var stages = await client.GetFromJsonAsync<List<StageDuration>>("/api/metrics/stages");

        stages!.Select(s => s.Name).Should().Equal("pipeline.run", "pipeline.script", "pipeline.narration", "pipeline.render", "pipeline.ffmpeg");
        var render = stages!.Single(s => s.Name == "pipeline.render");
        render.Should().BeEquivalentTo(new StageDuration("pipeline.render", 2, 1, 4000, 6000, 6000, 6000));
    }

    [Fact]
    public async Task Queue_depths_are_the_brokers_and_an_unreachable_management_api_is_a_502()
    {
        _telemetry.Stack.Queues = () => [new QueueDepth("pipeline-work", 3, 2, 2, 0.5, 0.4)];
        using var client = _telemetry.DashboardClient();

        var queues = await client.GetFromJsonAsync<JsonElement>("/api/metrics/queues");
        _telemetry.Stack.Queues = () => throw new HttpRequestException("Connection refused");
        using var down = await client.GetAsync("/api/metrics/queues");

        queues[0].GetProperty("name").GetString().Should().Be("pipeline-work");
        queues[0].GetProperty("ready").GetInt64().Should().Be(3);
        queues[0].GetProperty("unacknowledged").GetInt64().Should().Be(2);
        queues[0].GetProperty("total").GetInt64().Should().Be(5);
        down.StatusCode.Should().Be(HttpStatusCode.BadGateway);
        (await down.Content.ReadAsStringAsync()).Should().Contain("Connection refused");
    }

    [Theory]
    [InlineData(0.5, 28.0)]
    [InlineData(0.0, 0.0)]
    [InlineData(1.0, 1000.0)]
    public void Histogram_percentiles_interpolate_inside_the_bucket(double quantile, double expectedMs)
    {
        ulong[] counts = [16, 20, 4, 0];
        (Percentiles.OfHistogram(Bounds, counts, quantile)!.Value * 1000).Should().BeApproximately(expectedMs, 1e-6);
        Percentiles.OfHistogram(Bounds, [0, 0, 0, 0], 0.5).Should().BeNull();
        Percentiles.OfHistogram(Bounds, [0, 0, 0, 7], 0.5).Should().Be(1, "above the last bound it reports that bound");
    }

    private static TelemetryMetricPoint Point(string service, DateTimeOffset start, DateTimeOffset time, string route, int status, ulong[] buckets) => new(
        new TelemetryResource(service, $"{service}-0", []), "Microsoft.AspNetCore.Hosting", RequestRates.MetricName, null, "s", MetricKind.Histogram,
        start, time, [new("http.route", route), new("http.response.status_code", status.ToString())], null, false, true,
        (ulong)buckets.Sum(b => (long)b), null, null, null, Bounds, buckets);

    private static TelemetrySpan Span(string spanId, string parent, string name, DateTimeOffset start, double durationMs, bool failed = false) => new(
        new TelemetryResource("pipeline", "pipeline-0", []), "ContentMachine.Pipeline", $"0af7651916cd43dd8448eb211c80319{spanId[0]}", spanId, parent, name,
        SpanKind.Internal, start, durationMs, failed ? SpanStatus.Error : SpanStatus.Unset, null, [], [], []);
}
