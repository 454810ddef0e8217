using ContentMachine.AppHost.Hosting;
using ContentMachine.AppHost.Telemetry.Model;
using ContentMachine.AppHost.Telemetry.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ContentMachine.AppHost.Telemetry.Dashboard;

/// <summary>The dashboard's JSON API: the stack's resources, and the traces and logs the AppHost received.</summary>
public static class DashboardApi
{
    public static RouteGroupBuilder MapDashboardApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("api").WithTags("Dashboard");
        api.MapGet("resources", ListResources).WithName("ListResources")
            .WithSummary("Every process and backing server of the stack with its state, PID, start time, restarts and endpoints.");
        api.MapGet("traces", ListTraces).WithName("ListTraces")
            .WithSummary("Trace summaries, newest first, filtered by service, minimum duration and errors.");
        api.MapGet("traces/{traceId}", GetTrace).WithName("GetTrace").WithSummary("One trace with its spans in start order.");
        api.MapGet("logs", ListLogs).WithName("ListLogs")
            .WithSummary("Structured log records, newest first, filtered by resource, level, text and trace id.");
        api.MapGet("metrics", ListMetrics).WithName("ListMetricPoints").WithSummary("Metric points, newest first, by name and resource.");
        return api;
    }

    public static Ok<IReadOnlyList<ResourceSnapshot>> ListResources(IDashboardStack stack) => TypedResults.Ok(stack.Snapshots());

    public static Ok<IReadOnlyList<TraceSummary>> ListTraces([AsParameters] TraceListRequest query, TelemetryStore store) =>
        TypedResults.Ok(store.Traces(new TraceListFilter(Blank(query.Service), query.MinDurationMs, query.ErrorsOnly ?? false, query.Limit ?? 100)));

    public static Results<Ok<TraceDetail>, NotFound> GetTrace(string traceId, TelemetryStore store) =>
        store.TraceDetail(traceId) is { } trace ? TypedResults.Ok(trace) : TypedResults.NotFound();

    public static Results<Ok<IReadOnlyList<TelemetryLog>>, ValidationProblem> ListLogs([AsParameters] LogListRequest query, TelemetryStore store)
    {
        LogSeverity? level = null;
        if (Blank(query.Level) is { } name)
        {
            if (!Enum.TryParse<LogSeverity>(name, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed))
                return TypedResults.ValidationProblem(new Dictionary<string, string[]>
                {
                    ["level"] = [$"Unknown level '{name}'; use one of {string.Join(", ", Enum.GetNames<LogSeverity>())}."],
                });
            level = parsed;
        }
        return TypedResults.Ok(store.Logs(new LogFilter(Blank(query.Resource), level, Blank(query.Text), Blank(query.TraceId), query.Limit ?? 200)));
    }

    public static Ok<IReadOnlyList<TelemetryMetricPoint>> ListMetrics([AsParameters] MetricListRequest query, TelemetryStore store) =>
        TypedResults.Ok(store.MetricPoints(new MetricFilter(Blank(query.Name), Blank(query.Resource), query.Limit ?? 500)));

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
