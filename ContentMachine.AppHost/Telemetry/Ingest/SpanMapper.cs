using ContentMachine.AppHost.Telemetry.Model;
using ContentMachine.AppHost.Telemetry.Otlp.Collector.Trace;
using Otlp = ContentMachine.AppHost.Telemetry.Otlp;

namespace ContentMachine.AppHost.Telemetry.Ingest;

internal static class SpanMapper
{
    /// <summary>The request's valid spans; a span without a 16-byte trace id and an 8-byte span id is counted as rejected.</summary>
    public static (List<TelemetrySpan> Spans, int Rejected) Map(ExportTraceServiceRequest request)
    {
        var spans = new List<TelemetrySpan>();
        var rejected = 0;
        foreach (var resourceSpans in request.ResourceSpans)
        {
            var resource = OtlpValues.Resource(resourceSpans.Resource);
            foreach (var scopeSpans in resourceSpans.ScopeSpans)
            {
                var scope = OtlpValues.Scope(scopeSpans.Scope);
                foreach (var span in scopeSpans.Spans)
                {
                    if (TryMap(resource, scope, span) is { } mapped) spans.Add(mapped);
                    else rejected++;
                }
            }
        }
        return (spans, rejected);
    }

    private static TelemetrySpan? TryMap(TelemetryResource resource, string scope, Otlp.Trace.Span span)
    {
        try
        {
            if (OtlpValues.Id(span.TraceId, 16) is not { } traceId || OtlpValues.Id(span.SpanId, 8) is not { } spanId) return null;
            var start = OtlpValues.Time(span.StartTimeUnixNano);
            var durationMs = span.EndTimeUnixNano > span.StartTimeUnixNano ? (span.EndTimeUnixNano - span.StartTimeUnixNano) / 1e6 : 0;
            return new TelemetrySpan(resource, scope, traceId, spanId, OtlpValues.Id(span.ParentSpanId, 8), span.Name,
                (SpanKind)Math.Clamp((int)span.Kind, 0, (int)SpanKind.Consumer), start, durationMs, Status(span.Status),
                span.Status is { Message.Length: > 0 } s ? s.Message : null,
                OtlpValues.Attributes(span.Attributes),
                span.Events.Count == 0 ? [] : span.Events.Select(e => new SpanEvent(e.Name, OtlpValues.Time(e.TimeUnixNano), OtlpValues.Attributes(e.Attributes))).ToArray(),
                span.Links.Count == 0 ? [] : span.Links.Select(Link).OfType<SpanLink>().ToArray());
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static SpanStatus Status(Otlp.Trace.Status? status) => status?.Code switch
    {
        Otlp.Trace.Status.Types.StatusCode.Ok => SpanStatus.Ok,
        Otlp.Trace.Status.Types.StatusCode.Error => SpanStatus.Error,
        _ => SpanStatus.Unset,
    };

    private static SpanLink? Link(Otlp.Trace.Span.Types.Link link) =>
        OtlpValues.Id(link.TraceId, 16) is { } traceId && OtlpValues.Id(link.SpanId, 8) is { } spanId ? new SpanLink(traceId, spanId) : null;
}
