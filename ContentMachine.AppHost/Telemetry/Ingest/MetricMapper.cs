using ContentMachine.AppHost.Telemetry.Model;
using ContentMachine.AppHost.Telemetry.Otlp.Collector.Metrics;
using Otlp = ContentMachine.AppHost.Telemetry.Otlp;

namespace ContentMachine.AppHost.Telemetry.Ingest;

internal static class MetricMapper
{
    /// <summary>The request's gauge, sum and histogram points; points of kinds this receiver does not keep
    /// (exponential histograms, summaries) count as one rejected point per metric.</summary>
    public static (List<TelemetryMetricPoint> Points, int Rejected) Map(ExportMetricsServiceRequest request)
    {
        var points = new List<TelemetryMetricPoint>();
        var rejected = 0;
        foreach (var resourceMetrics in request.ResourceMetrics)
        {
            var resource = OtlpValues.Resource(resourceMetrics.Resource);
            foreach (var scopeMetrics in resourceMetrics.ScopeMetrics)
            {
                var scope = OtlpValues.Scope(scopeMetrics.Scope);
                foreach (var metric in scopeMetrics.Metrics)
                {
                    var mapped = Map(resource, scope, metric).ToList();
                    if (metric.DataCase == Otlp.Metrics.Metric.DataOneofCase.None) rejected++;
                    points.AddRange(mapped);
                }
            }
        }
        return (points, rejected);
    }

    private static IEnumerable<TelemetryMetricPoint> Map(TelemetryResource resource, string scope, Otlp.Metrics.Metric metric)
    {
        TelemetryMetricPoint Point(MetricKind kind, ulong start, ulong time, Google.Protobuf.Collections.RepeatedField<Otlp.Common.KeyValue> attributes) =>
            new(resource, scope, metric.Name, metric.Description is { Length: > 0 } d ? d : null, metric.Unit is { Length: > 0 } u ? u : null,
                kind, OtlpValues.Time(start), OtlpValues.Time(time), OtlpValues.Attributes(attributes),
                Value: null, IsMonotonic: false, IsCumulative: false, Count: null, Sum: null, Min: null, Max: null, ExplicitBounds: [], BucketCounts: []);

        switch (metric.DataCase)
        {
            case Otlp.Metrics.Metric.DataOneofCase.Gauge:
                foreach (var p in metric.Gauge.DataPoints)
                    yield return Point(MetricKind.Gauge, p.StartTimeUnixNano, p.TimeUnixNano, p.Attributes) with { Value = Number(p) };
                break;
            case Otlp.Metrics.Metric.DataOneofCase.Sum:
                foreach (var p in metric.Sum.DataPoints)
                    yield return Point(MetricKind.Sum, p.StartTimeUnixNano, p.TimeUnixNano, p.Attributes) with
                    {
                        Value = Number(p), IsMonotonic = metric.Sum.IsMonotonic, IsCumulative = Cumulative(metric.Sum.AggregationTemporality),
                    };
                break;
            case Otlp.Metrics.Metric.DataOneofCase.Histogram:
                foreach (var p in metric.Histogram.DataPoints)
                    yield return Point(MetricKind.Histogram, p.StartTimeUnixNano, p.TimeUnixNano, p.Attributes) with
                    {
                        IsCumulative = Cumulative(metric.Histogram.AggregationTemporality), Count = p.Count,
                        Sum = p.HasSum ? p.Sum : null, Min = p.HasMin ? p.Min : null, Max = p.HasMax ? p.Max : null,
                        ExplicitBounds = p.ExplicitBounds.ToArray(), BucketCounts = p.BucketCounts.ToArray(),
                    };
                break;
        }
    }

    private static double? Number(Otlp.Metrics.NumberDataPoint p) => p.ValueCase switch
    {
        Otlp.Metrics.NumberDataPoint.ValueOneofCase.AsDouble => p.AsDouble,
        Otlp.Metrics.NumberDataPoint.ValueOneofCase.AsInt => p.AsInt,
        _ => null,
    };

    private static bool Cumulative(Otlp.Metrics.AggregationTemporality temporality) =>
        temporality == Otlp.Metrics.AggregationTemporality.Cumulative;
}
