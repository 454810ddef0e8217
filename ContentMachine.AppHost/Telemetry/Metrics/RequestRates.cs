using ContentMachine.AppHost.Telemetry.Model;

namespace ContentMachine.AppHost.Telemetry.Metrics;

/// <summary>Request rate and latency per service from the standard <c>http.server.request.duration</c> histogram the
/// services export. Exporters send cumulative points (a running total per attribute set since the process started),
/// so each point is turned into what happened since the previous point of the same series, a restart (new start time or
/// a smaller count) begins a new series, and the differences are added up per service in fixed windows.</summary>
public static class RequestRates
{
    public const string MetricName = "http.server.request.duration";

    /// <summary>Health probes are the AppHost's, not traffic.</summary>
    private static readonly string[] ProbeRoutes = ["/health", "/alive"];


    /// <param name="pointsOldestFirst">Every point of the metric the store holds.</param>
    /// <param name="nothingEvicted">Whether the store still holds every point it ever received (then a series' first point
    /// is its first export, all of it new).</param>
    public static IReadOnlyList<ServiceRequests> Compute(IReadOnlyList<TelemetryMetricPoint> pointsOldestFirst, bool nothingEvicted,
        DateTimeOffset now, TimeSpan span, TimeSpan window)
    {
        var from = now - span;
        var histograms = pointsOldestFirst.Where(p => p.Kind == MetricKind.Histogram).ToList();
        // Once old points have been evicted, a series whose process started before the oldest point kept may have had
        // earlier exports: its first point kept is only a baseline.
        var keptSince = nothingEvicted || histograms.Count == 0 ? DateTimeOffset.MinValue : histograms.Min(p => p.Time);
        var deltas = histograms.Where(p => !ProbeRoutes.Contains(Attribute(p, "http.route")))
            .GroupBy(p => (p.Resource.ServiceName, p.Resource.InstanceId, Key: string.Join('|', p.Attributes.OrderBy(a => a.Key).Select(a => $"{a.Key}={a.Value}"))))
            .SelectMany(series => Differences(series, keptSince))
            .Where(d => d.Time > from && d.Time <= now)
            .ToList();

        return deltas.GroupBy(d => d.Service).OrderBy(g => g.Key, StringComparer.Ordinal).Select(service =>
        {
            var windows = Enumerable.Range(0, (int)Math.Ceiling(span / window)).Select(i =>
            {
                var end = now - window * i;
                return Summarize(service.Where(d => d.Time > end - window && d.Time <= end).ToList(), end, window);
            }).Reverse().ToList();
            var all = Summarize(service.ToList(), now, span);
            return new ServiceRequests(service.Key, all.Requests, all.RatePerSecond, all.P50Ms, all.P99Ms, all.ServerErrors, windows);
        }).ToList();
    }

    /// <summary>A series is exported from its first request on, so its first point is all new, unless its process
    /// started before <paramref name="keptSince"/> (earlier points may have been evicted).</summary>
    private static IEnumerable<Delta> Differences(IEnumerable<TelemetryMetricPoint> series, DateTimeOffset keptSince)
    {
        TelemetryMetricPoint? previous = null;
        foreach (var point in series.OrderBy(p => p.Time))
        {
            if (!point.IsCumulative) yield return Whole(point);
            else if (previous is null)
            {
                if (point.Start >= keptSince) yield return Whole(point);
            }
            else if (point.Start != previous.Start || point.Count < previous.Count) yield return Whole(point);
            else yield return Difference(point, previous);
            previous = point;
        }
    }

    private static Delta Whole(TelemetryMetricPoint p) => new(p.Resource.ServiceName, p.Time, p.Count ?? 0, IsServerError(p), Scale(p), p.ExplicitBounds, p.BucketCounts);

    private static Delta Difference(TelemetryMetricPoint p, TelemetryMetricPoint before) => new(p.Resource.ServiceName, p.Time,
        (p.Count ?? 0) - (before.Count ?? 0), IsServerError(p), Scale(p), p.ExplicitBounds,
        p.BucketCounts.Select((c, i) => i < before.BucketCounts.Count && before.BucketCounts[i] <= c ? c - before.BucketCounts[i] : c).ToList());

    private static RequestWindow Summarize(IReadOnlyList<Delta> deltas, DateTimeOffset end, TimeSpan length)
    {
        var requests = deltas.Sum(d => (long)d.Count);
        var shape = deltas.Where(d => d.Count > 0).GroupBy(d => string.Join(',', d.Bounds)).MaxBy(g => g.Sum(d => (long)d.Count));
        double? p50 = null, p99 = null;
        if (shape is not null)
        {
            var first = shape.First();
            var counts = new ulong[first.Bounds.Count + 1];
            foreach (var d in shape)
                for (var i = 0; i < counts.Length && i < d.Buckets.Count; i++) counts[i] += d.Buckets[i];
            p50 = Percentiles.OfHistogram(first.Bounds, counts, 0.50) * first.ToMilliseconds;
            p99 = Percentiles.OfHistogram(first.Bounds, counts, 0.99) * first.ToMilliseconds;
        }
        return new RequestWindow(end, requests, requests / length.TotalSeconds, p50, p99, deltas.Where(d => d.ServerError).Sum(d => (long)d.Count));
    }

    private static bool IsServerError(TelemetryMetricPoint p) => Attribute(p, "http.response.status_code") is { Length: 3 } code && code[0] == '5';

    private static double Scale(TelemetryMetricPoint p) => p.Unit switch { "ms" => 1, "us" => 0.001, _ => 1000 };

    private static string? Attribute(TelemetryMetricPoint p, string key) => p.Attributes.FirstOrDefault(a => a.Key == key).Value;

    private sealed record Delta(string Service, DateTimeOffset Time, ulong Count, bool ServerError, double ToMilliseconds, IReadOnlyList<double> Bounds, IReadOnlyList<ulong> Buckets);
}

/// <summary>Requests a service served in one window (health probes excluded), their rate and latency percentiles.</summary>
public sealed record RequestWindow(DateTimeOffset End, long Requests, double RatePerSecond, double? P50Ms, double? P99Ms, long ServerErrors);

/// <summary>One service's traffic over the whole span asked for, and the same in windows (oldest first) for a chart.</summary>
public sealed record ServiceRequests(string Service, long Requests, double RatePerSecond, double? P50Ms, double? P99Ms, long ServerErrors,
    IReadOnlyList<RequestWindow> Windows);
