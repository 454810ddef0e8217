using System.Net;
using Xunit.Abstractions;

namespace ContentMachine.AppHost.Telemetry.Tests;

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MemoryMeasurements
{
    public const string Name = "memory measurements";
}

/// <summary>A flood never costs more memory than the window: the oldest spans go, the newest stay queryable.</summary>
[Collection(MemoryMeasurements.Name)]
public sealed class FloodTests(ITestOutputHelper output)
{
    private static readonly TelemetryResource Service = new("flood", "flood-0", [new("service.name", "flood")]);

    [Fact]
    public void A_million_spans_keep_the_store_at_its_bound_and_memory_bounded()
    {
        const int window = 100_000;
        const int flood = 1_000_000;
        var store = new TelemetryStore(new TelemetryLimits { MaxSpans = window });
        var baseline = GC.GetTotalMemory(forceFullCollection: true);

        Push(store, 0, window);
        var full = GC.GetTotalMemory(forceFullCollection: true);
        Push(store, window, flood - window);
        var after = GC.GetTotalMemory(forceFullCollection: true);

        var windowCost = full - baseline;
        var floodCost = after - baseline;
        var millionCost = windowCost * (flood / window);
        output.WriteLine($"window of {window} spans: {windowCost / 1e6:F1} MB ({windowCost / window} B/span); after {flood} spans: "
            + $"{floodCost / 1e6:F1} MB; keeping all {flood} would take ~{millionCost / 1e6:F0} MB; working set {Environment.WorkingSet / 1e6:F0} MB");

        store.SpanCount.Should().Be(window);
        store.EvictedSpans.Should().Be(flood - window);
        floodCost.Should().BeLessThan(windowCost * 3 / 2, "spans past the window replace the oldest instead of adding up");
        floodCost.Should().BeLessThan(millionCost / 5);
        store.Trace(TraceId(flood - 1)).Should().ContainSingle().Which.Name.Should().Be($"op-{flood - 1}");
        store.Trace(TraceId(flood - window)).Should().ContainSingle("the oldest span still in the window");
        store.Trace(TraceId(flood - window - 1)).Should().BeEmpty("it was evicted");
        store.Traces(new TraceListFilter(Limit: 1)).Single().TraceId.Should().Be(TraceId(flood - 1));
    }

    [Fact]
    public async Task Thousands_of_spans_over_http_keep_the_store_at_its_bound_with_the_newest_visible()
    {
        await using var telemetry = await RunningTelemetry.StartAsync(new TelemetryLimits { MaxSpans = 1_000 });
        using var client = telemetry.OtlpClient();

        for (var batch = 0; batch < 50; batch++)
        {
            var request = ReceiverTests.OneSpan(TraceId(batch), spans: 100);
            using var response = await client.PostAsync("/v1/traces", ReceiverTests.Protobuf(Google.Protobuf.MessageExtensions.ToByteArray(request)));
            response.StatusCode.Should().Be(HttpStatusCode.OK);
        }

        telemetry.Store.SpanCount.Should().Be(1_000);
        telemetry.Store.EvictedSpans.Should().Be(4_000);
        telemetry.Store.Trace(TraceId(49)).Should().HaveCount(100);
        telemetry.Store.Trace(TraceId(39)).Should().BeEmpty();
    }

    /// <summary>Never all zeros: OTLP makes that id invalid.</summary>
    private static string TraceId(int n) => (n + 1L).ToString("x32");

    private static void Push(TelemetryStore store, int from, int count)
    {
        var start = DateTimeOffset.UtcNow;
        const int batch = 1_000;
        for (var offset = 0; offset < count; offset += batch)
            store.AddSpans(Enumerable.Range(from + offset, Math.Min(batch, count - offset)).Select(n => new TelemetrySpan(
                Service, "flood", TraceId(n), n.ToString("x16"), null, $"op-{n}", SpanKind.Server, start.AddTicks(n), 1.5,
                SpanStatus.Unset, null, [new("http.route", "/api/projects"), new("n", n.ToString())], [], [])));
    }
}
