using ContentMachine.AppHost.Telemetry.Metrics;
using ContentMachine.AppHost.Telemetry.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ContentMachine.AppHost.Telemetry.Dashboard;

/// <summary>The metrics page's figures: request rate and latency per service, pipeline stage durations, queue depths.</summary>
public static class MetricViewsApi
{
    public static RouteGroupBuilder MapMetricViewsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("api/metrics").WithTags("Dashboard");
        api.MapGet("requests", Requests).WithName("GetRequestRates")
            .WithSummary("Requests per service (health probes excluded) over ?minutes= (default 10) in ?windowSeconds= windows (default 10): rate, p50, p99, 5xx.");
        api.MapGet("stages", Stages).WithName("GetStageDurations").WithSummary("Pipeline stage durations from their spans: count, errors, p50, p95, max.");
        api.MapGet("queues", Queues).WithName("GetQueueDepths").WithSummary("RabbitMQ queues from the management API: ready, unacknowledged, consumers, rates.");
        return api;
    }

    public static Results<Ok<IReadOnlyList<ServiceRequests>>, ValidationProblem> Requests(int? minutes, int? windowSeconds, TelemetryStore store, TimeProvider clock)
    {
        var errors = new Dictionary<string, string[]>();
        if (minutes is < 1 or > 180) errors["minutes"] = ["Between 1 and 180."];
        if (windowSeconds is < 5 or > 3600) errors["windowSeconds"] = ["Between 5 and 3600."];
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        var span = TimeSpan.FromMinutes(minutes ?? 10);
        var window = TimeSpan.FromSeconds(Math.Min(windowSeconds ?? 10, span.TotalSeconds));
        var now = clock.GetUtcNow();
        // All the points kept: those older than the span are the baselines of the first differences inside it.
        var points = store.MetricSeries(RequestRates.MetricName);
        return TypedResults.Ok(RequestRates.Compute(points, store.EvictedMetricPoints == 0, now, span, window));
    }

    public static Ok<IReadOnlyList<StageDuration>> Stages(TelemetryStore store) =>
        TypedResults.Ok(StageDurations.Compute(store.SpansNamed(StageDurations.Prefix)));

    public static async Task<Results<Ok<IReadOnlyList<QueueDepth>>, ProblemHttpResult>> Queues(IDashboardStack stack, CancellationToken ct)
    {
        try
        {
            return TypedResults.Ok(await stack.QueuesAsync(ct));
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            return TypedResults.Problem(title: "The broker's management API did not answer", detail: ex.Message, statusCode: 502);
        }
    }
}
