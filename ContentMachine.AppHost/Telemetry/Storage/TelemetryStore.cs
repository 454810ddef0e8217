using ContentMachine.AppHost.Telemetry.Model;

namespace ContentMachine.AppHost.Telemetry.Storage;

/// <summary>The telemetry the AppHost received, one bounded window per kind, and the dashboard's queries over it.
/// Queries scan the window (at most <see cref="TelemetryLimits.MaxSpans"/> items), which takes milliseconds.</summary>
public sealed class TelemetryStore(TelemetryLimits limits)
{
    private const int MaxLimit = 5_000;

    private readonly BoundedBuffer<TelemetrySpan> _spans = new(limits.MaxSpans);
    private readonly BoundedBuffer<TelemetryLog> _logs = new(limits.MaxLogRecords);
    private readonly BoundedBuffer<TelemetryMetricPoint> _points = new(limits.MaxMetricPoints);

    public int SpanCount => _spans.Count;
    public int LogCount => _logs.Count;
    public int MetricPointCount => _points.Count;
    public long EvictedSpans => _spans.Evicted;
    public long EvictedMetricPoints => _points.Evicted;

    public void AddSpans(IEnumerable<TelemetrySpan> spans) => _spans.AddRange(spans);
    public void AddLogs(IEnumerable<TelemetryLog> logs) => _logs.AddRange(logs);
    public void AddMetricPoints(IEnumerable<TelemetryMetricPoint> points) => _points.AddRange(points);

    /// <summary>The spans of one trace in start order; empty when none is (still) in the window.</summary>
    public IReadOnlyList<TelemetrySpan> Trace(string traceId) =>
        _spans.NewestFirst().Where(s => s.TraceId.Equals(traceId, StringComparison.OrdinalIgnoreCase)).OrderBy(s => s.Start).ToList();

    public TraceDetail? TraceDetail(string traceId)
    {
        var spans = Trace(traceId);
        return spans.Count == 0 ? null : new TraceDetail(Summarize(spans), spans);
    }

    /// <summary>Trace summaries, newest first.</summary>
    public IReadOnlyList<TraceSummary> Traces(TraceListFilter filter) =>
        _spans.NewestFirst().GroupBy(s => s.TraceId)
            .Select(g => Summarize(g.OrderBy(s => s.Start).ToList()))
            .Where(t => filter.Service is null || t.Services.Contains(filter.Service, StringComparer.OrdinalIgnoreCase))
            .Where(t => filter.MinDurationMs is null || t.DurationMs >= filter.MinDurationMs)
            .Where(t => !filter.ErrorsOnly || t.HasError)
            .OrderByDescending(t => t.Start)
            .Take(Math.Clamp(filter.Limit, 1, MaxLimit))
            .ToList();

    /// <summary>Log records, newest first.</summary>
    public IReadOnlyList<TelemetryLog> Logs(LogFilter filter) =>
        _logs.NewestFirst()
            .Where(l => filter.Resource is null || l.Resource.Matches(filter.Resource))
            .Where(l => filter.MinLevel is null || l.Level >= filter.MinLevel)
            .Where(l => filter.TraceId is null || string.Equals(l.TraceId, filter.TraceId, StringComparison.OrdinalIgnoreCase))
            .Where(l => filter.Text is null || Mentions(l, filter.Text))
            .Take(Math.Clamp(filter.Limit, 1, MaxLimit))
            .ToList();

    /// <summary>Metric points, newest first.</summary>
    public IReadOnlyList<TelemetryMetricPoint> MetricPoints(MetricFilter filter) =>
        _points.NewestFirst()
            .Where(p => filter.Name is null || p.Name.Equals(filter.Name, StringComparison.Ordinal))
            .Where(p => filter.Resource is null || p.Resource.Matches(filter.Resource))
            .Take(Math.Clamp(filter.Limit, 1, MaxLimit))
            .ToList();

    /// <summary>Every point of one metric in the window, oldest first (no limit: the dashboard's metric views add them up).</summary>
    public IReadOnlyList<TelemetryMetricPoint> MetricSeries(string name) =>
        _points.NewestFirst().Where(p => p.Name.Equals(name, StringComparison.Ordinal)).Reverse().ToList();

    /// <summary>Every span whose name starts with <paramref name="prefix"/>.</summary>
    public IReadOnlyList<TelemetrySpan> SpansNamed(string prefix) =>
        _spans.NewestFirst().Where(s => s.Name.StartsWith(prefix, StringComparison.Ordinal)).ToList();

    private static bool Mentions(TelemetryLog log, string text) =>
        log.Body.Contains(text, StringComparison.OrdinalIgnoreCase)
        || log.Attributes.Any(a => a.Value.Contains(text, StringComparison.OrdinalIgnoreCase));

    /// <summary>The root is the earliest span whose parent is not in the window (the true root, or the oldest orphan
    /// when the root was evicted or has not arrived yet).</summary>
    private static TraceSummary Summarize(IReadOnlyList<TelemetrySpan> spansByStart)
    {
        var ids = spansByStart.Select(s => s.SpanId).ToHashSet();
        var root = spansByStart.FirstOrDefault(s => s.ParentSpanId is null || !ids.Contains(s.ParentSpanId)) ?? spansByStart[0];
        var start = spansByStart[0].Start;
        var end = spansByStart.Max(s => s.End);
        return new TraceSummary(root.TraceId, root.Name, root.Resource.ServiceName,
            spansByStart.Select(s => s.Resource.ServiceName).Distinct().ToList(), start, (end - start).TotalMilliseconds,
            spansByStart.Any(s => s.Status == SpanStatus.Error), spansByStart.Count);
    }
}
