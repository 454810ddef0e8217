using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;

namespace ContentMachine.AppHost.Telemetry.Tests;

/// <summary>What the real .NET OTLP exporter sends arrives in the store with its attributes, parent links, events,
/// status, trace ids and values: the project's .proto files match the wire format.</summary>
public sealed class ExporterRoundTripTests : IAsyncLifetime
{
    private RunningTelemetry _telemetry = null!;

    public async Task InitializeAsync() => _telemetry = await RunningTelemetry.StartAsync();
    public async Task DisposeAsync() => await _telemetry.DisposeAsync();

    [Fact]
    public void A_parent_and_child_span_arrive_with_attributes_parent_link_event_and_error_status()
    {
        var sourceName = $"roundtrip.{Guid.NewGuid():N}";
        using var source = new ActivitySource(sourceName);
        string traceId, parentId, childId;
        using (var provider = RealExporter.Tracing(_telemetry.Endpoints, sourceName))
        {
            using (var parent = source.StartActivity("pipeline.run", ActivityKind.Server)!)
            {
                parent.SetTag("project.id", "p-42");
                using (var render = source.StartActivity("pipeline.render")!)
                {
                    render.SetTag("frames", 900);
                    render.SetTag("gpu", false);
                    render.SetTag("fps", 29.97);
                    render.SetTag("codecs", new[] { "h264", "aac" });
                    render.AddEvent(new ActivityEvent("ffmpeg.exited", tags: new ActivityTagsCollection { ["exit.code"] = 1 }));
                    render.SetStatus(ActivityStatusCode.Error, "ffmpeg failed");
                    childId = render.SpanId.ToHexString();
                }
                traceId = parent.TraceId.ToHexString();
                parentId = parent.SpanId.ToHexString();
            }
            RealExporter.Flush(provider).Should().BeTrue();
        }

        var spans = _telemetry.Store.Trace(traceId);

        spans.Should().HaveCount(2);
        var root = spans.Single(s => s.SpanId == parentId);
        root.Name.Should().Be("pipeline.run");
        root.Kind.Should().Be(SpanKind.Server);
        root.ParentSpanId.Should().BeNull();
        root.Scope.Should().Be(sourceName);
        root.Resource.ServiceName.Should().Be(RealExporter.Service);
        root.Resource.InstanceId.Should().Be(RealExporter.Instance);
        root.Attributes.Should().Contain(new TelemetryAttribute("project.id", "p-42"));

        var child = spans.Single(s => s.SpanId == childId);
        child.ParentSpanId.Should().Be(parentId);
        child.Kind.Should().Be(SpanKind.Internal);
        child.Status.Should().Be(SpanStatus.Error);
        child.StatusMessage.Should().Be("ffmpeg failed");
        child.Attributes.Should().Contain([
            new TelemetryAttribute("frames", "900"), new TelemetryAttribute("gpu", "false"),
            new TelemetryAttribute("fps", "29.97"), new TelemetryAttribute("codecs", """["h264","aac"]"""),
        ]);
        child.Events.Should().ContainSingle().Which.Should().Match<SpanEvent>(e =>
            e.Name == "ffmpeg.exited" && e.Attributes.Contains(new TelemetryAttribute("exit.code", "1")));
        child.Start.Should().BeOnOrAfter(root.Start);
        child.End.Should().BeOnOrBefore(root.End.AddMilliseconds(1));

        var summary = _telemetry.Store.Traces(new TraceListFilter(ErrorsOnly: true)).Should().ContainSingle(t => t.TraceId == traceId).Which;
        summary.RootName.Should().Be("pipeline.run");
        summary.Services.Should().Equal(RealExporter.Service);
        summary.SpanCount.Should().Be(2);
        summary.HasError.Should().BeTrue();
    }

    [Fact]
    public void Log_records_arrive_with_level_message_attributes_and_trace_ids()
    {
        var sourceName = $"roundtrip.logs.{Guid.NewGuid():N}";
        using var source = new ActivitySource(sourceName);
        using var listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name == sourceName, Sample = (ref _) => ActivitySamplingResult.AllDataAndRecorded,
        };
        ActivitySource.AddActivityListener(listener);
        string traceId, spanId;
        using (var factory = RealExporter.Logging(_telemetry.Endpoints))
        {
            var logger = factory.CreateLogger("ContentMachine.Pipeline.Render");
            using (var activity = source.StartActivity("render")!)
            {
                traceId = activity.TraceId.ToHexString();
                spanId = activity.SpanId.ToHexString();
                logger.LogWarning("Render of {ProjectId} took {Seconds} s", "p-7", 42);
            }
            logger.LogInformation("Outside any trace");
        }

        var logs = _telemetry.Store.Logs(new LogFilter(Resource: RealExporter.Service));

        logs.Should().HaveCount(2);
        var warning = _telemetry.Store.Logs(new LogFilter(TraceId: traceId)).Should().ContainSingle().Which;
        warning.Level.Should().Be(LogSeverity.Warning);
        warning.Body.Should().Be("Render of p-7 took 42 s");
        warning.Scope.Should().Be("ContentMachine.Pipeline.Render");
        warning.SpanId.Should().Be(spanId);
        warning.Attributes.Should().Contain([new TelemetryAttribute("ProjectId", "p-7"), new TelemetryAttribute("Seconds", "42")]);
        _telemetry.Store.Logs(new LogFilter(MinLevel: LogSeverity.Warning, Text: "p-7")).Should().ContainSingle();
        _telemetry.Store.Logs(new LogFilter(Text: "outside")).Should().ContainSingle().Which.TraceId.Should().BeNull();
    }

    [Fact]
    public void A_counter_and_a_histogram_arrive_with_their_values_and_buckets()
    {
        var meterName = $"roundtrip.meter.{Guid.NewGuid():N}";
        using var provider = RealExporter.Metrics(_telemetry.Endpoints, meterName);
        using var meter = new Meter(meterName);
        {
            var renders = meter.CreateCounter<long>("pipeline.renders", unit: "{render}", description: "Renders finished");
            var duration = meter.CreateHistogram<double>("pipeline.render.duration", unit: "s");
            renders.Add(2, new KeyValuePair<string, object?>("outcome", "ok"));
            renders.Add(1, new KeyValuePair<string, object?>("outcome", "ok"));
            duration.Record(0.3);
            duration.Record(12.5);
            // One export (disposing the provider would send the cumulative points once more).
            RealExporter.Flush(provider).Should().BeTrue();
        }

        var counter = _telemetry.Store.MetricPoints(new MetricFilter(Name: "pipeline.renders")).Should().ContainSingle().Which;
        counter.Kind.Should().Be(MetricKind.Sum);
        counter.Value.Should().Be(3);
        counter.IsMonotonic.Should().BeTrue();
        counter.Unit.Should().Be("{render}");
        counter.Description.Should().Be("Renders finished");
        counter.Attributes.Should().Equal(new TelemetryAttribute("outcome", "ok"));
        counter.Resource.ServiceName.Should().Be(RealExporter.Service);
        counter.Scope.Should().Be(meterName);

        var histogram = _telemetry.Store.MetricPoints(new MetricFilter(Name: "pipeline.render.duration")).Should().ContainSingle().Which;
        histogram.Kind.Should().Be(MetricKind.Histogram);
        histogram.Count.Should().Be(2);
        histogram.Sum.Should().BeApproximately(12.8, 1e-9);
        histogram.Min.Should().Be(0.3);
        histogram.Max.Should().Be(12.5);
        histogram.BucketCounts.Should().HaveCount(histogram.ExplicitBounds.Count + 1);
        histogram.BucketCounts.Select(c => (long)c).Sum().Should().Be(2);
    }
}
