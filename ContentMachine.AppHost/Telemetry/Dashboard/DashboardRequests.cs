namespace ContentMachine.AppHost.Telemetry.Dashboard;

/// <summary>Query of GET /api/traces: ?service=&amp;minDurationMs=&amp;errorsOnly=&amp;limit=.</summary>
public sealed record TraceListRequest(string? Service, double? MinDurationMs, bool? ErrorsOnly, int? Limit);

/// <summary>Query of GET /api/logs: ?resource=&amp;level=&amp;text=&amp;traceId=&amp;limit= (level: that level and above).</summary>
public sealed record LogListRequest(string? Resource, string? Level, string? Text, string? TraceId, int? Limit);

/// <summary>Query of GET /api/metrics: ?name=&amp;resource=&amp;limit=.</summary>
public sealed record MetricListRequest(string? Name, string? Resource, int? Limit);
