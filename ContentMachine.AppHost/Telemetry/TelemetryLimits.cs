namespace ContentMachine.AppHost.Telemetry;

/// <summary>How much telemetry the AppHost keeps in memory, per kind; past that the oldest goes first, so a flood costs
/// a bounded amount of memory whatever its size.</summary>
public sealed record TelemetryLimits
{
    public int MaxSpans { get; init; } = 100_000;
    public int MaxLogRecords { get; init; } = 50_000;
    public int MaxMetricPoints { get; init; } = 20_000;

    /// <summary>Largest OTLP request body accepted, after gzip decompression.</summary>
    public int MaxRequestBytes { get; init; } = 32 * 1024 * 1024;
}
