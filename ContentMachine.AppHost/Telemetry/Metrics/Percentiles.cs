namespace ContentMachine.AppHost.Telemetry.Metrics;

/// <summary>Percentiles of raw samples (nearest rank) and of explicit-bucket histograms (linear inside the bucket, as
/// Prometheus' histogram_quantile does).</summary>
public static class Percentiles
{
    public static double Of(IReadOnlyList<double> sortedSamples, double quantile) =>
        sortedSamples.Count == 0 ? double.NaN
            : sortedSamples[Math.Clamp((int)Math.Ceiling(quantile * sortedSamples.Count) - 1, 0, sortedSamples.Count - 1)];

    /// <summary>The quantile of a histogram with <paramref name="bounds"/> (upper bounds) and one more count than bounds
    /// (the last bucket is above the last bound and reports that bound); null when it holds nothing.</summary>
    public static double? OfHistogram(IReadOnlyList<double> bounds, IReadOnlyList<ulong> counts, double quantile)
    {
        ulong total = 0;
        foreach (var c in counts) total += c;
        if (total == 0) return null;
        var rank = quantile * total;
        ulong below = 0;
        for (var i = 0; i < counts.Count; i++)
        {
            if (counts[i] == 0 || below + counts[i] < rank)
            {
                below += counts[i];
                continue;
            }
            if (i >= bounds.Count) return bounds.Count == 0 ? null : bounds[^1];
            var lower = i == 0 ? Math.Min(0, bounds[0]) : bounds[i - 1];
            return lower + (bounds[i] - lower) * ((rank - below) / counts[i]);
        }
        return bounds.Count == 0 ? null : bounds[^1];
    }
}
