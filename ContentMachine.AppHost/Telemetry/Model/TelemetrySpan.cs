namespace ContentMachine.AppHost.Telemetry.Model;

public enum SpanKind { Unspecified, Internal, Server, Client, Producer, Consumer }

public enum SpanStatus { Unset, Ok, Error }

public sealed record SpanEvent(string Name, DateTimeOffset Time, IReadOnlyList<TelemetryAttribute> Attributes);

public sealed record SpanLink(string TraceId, string SpanId);

/// <summary>A received span. Ids are lower-case hex, as W3C trace context writes them.</summary>
public sealed record TelemetrySpan(
    TelemetryResource Resource,
    string Scope,
    string TraceId,
    string SpanId,
    string? ParentSpanId,
    string Name,
    SpanKind Kind,
    DateTimeOffset Start,
    double DurationMs,
    SpanStatus Status,
    string? StatusMessage,
    IReadOnlyList<TelemetryAttribute> Attributes,
    IReadOnlyList<SpanEvent> Events,
    IReadOnlyList<SpanLink> Links)
{
    public DateTimeOffset End => Start.AddMilliseconds(DurationMs);
}
