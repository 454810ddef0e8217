using ContentMachine.AppHost.Telemetry.Model;
using ContentMachine.AppHost.Telemetry.Otlp.Collector.Logs;
using Otlp = ContentMachine.AppHost.Telemetry.Otlp;

namespace ContentMachine.AppHost.Telemetry.Ingest;

internal static class LogMapper
{
    /// <summary>The request's log records; one with a malformed trace or span id is counted as rejected.</summary>
    public static (List<TelemetryLog> Logs, int Rejected) Map(ExportLogsServiceRequest request)
    {
        var logs = new List<TelemetryLog>();
        var rejected = 0;
        foreach (var resourceLogs in request.ResourceLogs)
        {
            var resource = OtlpValues.Resource(resourceLogs.Resource);
            foreach (var scopeLogs in resourceLogs.ScopeLogs)
            {
                var scope = OtlpValues.Scope(scopeLogs.Scope);
                foreach (var record in scopeLogs.LogRecords)
                {
                    if (TryMap(resource, scope, record) is { } mapped) logs.Add(mapped);
                    else rejected++;
                }
            }
        }
        return (logs, rejected);
    }

    private static TelemetryLog? TryMap(TelemetryResource resource, string scope, Otlp.Logs.LogRecord record)
    {
        try
        {
            var severity = (int)record.SeverityNumber;
            var time = record.TimeUnixNano != 0 ? record.TimeUnixNano : record.ObservedTimeUnixNano;
            return new TelemetryLog(resource, scope, OtlpValues.Time(time), severity, LogSeverities.FromNumber(severity),
                record.SeverityText is { Length: > 0 } text ? text : null, OtlpValues.Render(record.Body),
                OtlpValues.Attributes(record.Attributes), OtlpValues.Id(record.TraceId, 16), OtlpValues.Id(record.SpanId, 8),
                record.EventName is { Length: > 0 } name ? name : null);
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
