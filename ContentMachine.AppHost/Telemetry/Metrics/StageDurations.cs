using ContentMachine.AppHost.Telemetry.Model;

namespace ContentMachine.AppHost.Telemetry.Metrics;

/// <summary>How long the pipeline's stages take, from their spans (<c>pipeline.script</c>, <c>pipeline.render</c>, ...
/// and the whole <c>pipeline.run</c>), in the order they run.</summary>
public static class StageDurations
{
    public const string Prefix = "pipeline.";

    public static IReadOnlyList<StageDuration> Compute(IReadOnlyList<TelemetrySpan> spans)
    {
        var distinct = spans.DistinctBy(s => s.SpanId).ToList();
        var traceStart = distinct.GroupBy(s => s.TraceId).ToDictionary(g => g.Key, g => g.Min(s => s.Start));
        return distinct.Where(s => s.Name.StartsWith(Prefix, StringComparison.Ordinal))
            .GroupBy(s => s.Name)
            .Select(g =>
            {
                var durations = g.Select(s => s.DurationMs).Order().ToList();
                // Ordered by where they usually start in their trace, so the order holds while a run's span is still out.
                var offsets = g.Select(s => (s.Start - traceStart[s.TraceId]).TotalMilliseconds).Order().ToList();
                return (Order: Percentiles.Of(offsets, 0.5), Stage: new StageDuration(g.Key, durations.Count, g.Count(s => s.Status == SpanStatus.Error),
                    Percentiles.Of(durations, 0.5), Percentiles.Of(durations, 0.95), durations[^1], g.MaxBy(s => s.Start)!.DurationMs));
            })
            .OrderBy(x => x.Order).ThenBy(x => x.Stage.Name, StringComparer.Ordinal)
            .Select(x => x.Stage)
            .ToList();
    }
}

/// <summary>One stage's spans in the window: how many, how many failed, median, 95th percentile, slowest and latest.</summary>
public sealed record StageDuration(string Name, int Count, int Errors, double P50Ms, double P95Ms, double MaxMs, double LastMs);
