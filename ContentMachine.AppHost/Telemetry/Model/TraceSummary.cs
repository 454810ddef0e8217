namespace ContentMachine.AppHost.Telemetry.Model;

/// <summary>One line of the trace list: the root operation, every service the trace touched, when and how long.</summary>
public sealed record TraceSummary(
    string TraceId,
    string RootName,
    string RootService,
    IReadOnlyList<string> Services,
    DateTimeOffset Start,
    double DurationMs,
    bool HasError,
    int SpanCount);

/// <summary>A trace with its spans in start order (the waterfall's rows).</summary>
public sealed record TraceDetail(TraceSummary Summary, IReadOnlyList<TelemetrySpan> Spans);
