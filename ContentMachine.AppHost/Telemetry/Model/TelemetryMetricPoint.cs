namespace ContentMachine.AppHost.Telemetry.Model;

public enum MetricKind { Gauge, Sum, Histogram }

/// <summary>One data point of a metric. Gauges and sums carry <see cref="Value"/>; histograms carry count, sum,
/// min/max and buckets (<see cref="BucketCounts"/> has one more entry than <see cref="ExplicitBounds"/>).</summary>
public sealed record TelemetryMetricPoint(
    TelemetryResource Resource,
    string Scope,
    string Name,
    string? Description,
    string? Unit,
    MetricKind Kind,
    DateTimeOffset Start,
    DateTimeOffset Time,
    IReadOnlyList<TelemetryAttribute> Attributes,
    double? Value,
    bool IsMonotonic,
    bool IsCumulative,
    ulong? Count,
    double? Sum,
    double? Min,
    double? Max,
    IReadOnlyList<double> ExplicitBounds,
    IReadOnlyList<ulong> BucketCounts);
