namespace ContentMachine.AppHost.Telemetry.Model;

/// <summary>Filters of the trace list; null means "any".</summary>
public sealed record TraceListFilter(string? Service = null, double? MinDurationMs = null, bool ErrorsOnly = false, int Limit = 100);

/// <summary>Filters of the structured logs; <see cref="MinLevel"/> keeps that level and above.</summary>
public sealed record LogFilter(string? Resource = null, LogSeverity? MinLevel = null, string? Text = null, string? TraceId = null, int Limit = 200);

public sealed record MetricFilter(string? Name = null, string? Resource = null, int Limit = 500);
