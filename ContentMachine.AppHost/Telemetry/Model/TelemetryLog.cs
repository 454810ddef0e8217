namespace ContentMachine.AppHost.Telemetry.Model;

/// <summary>A received log record; <see cref="Level"/> is the OTLP severity number's band in .NET's names.</summary>
public sealed record TelemetryLog(
    TelemetryResource Resource,
    string Scope,
    DateTimeOffset Time,
    int SeverityNumber,
    LogSeverity Level,
    string? SeverityText,
    string Body,
    IReadOnlyList<TelemetryAttribute> Attributes,
    string? TraceId,
    string? SpanId,
    string? EventName);
