using ContentMachine.AppHost.Telemetry.Otlp.Collector.Logs;
using ContentMachine.AppHost.Telemetry.Otlp.Collector.Metrics;
using ContentMachine.AppHost.Telemetry.Otlp.Collector.Trace;
using ContentMachine.AppHost.Telemetry.Storage;
using Google.Protobuf;

namespace ContentMachine.AppHost.Telemetry.Ingest;

/// <summary>The OTLP/HTTP receiver (protobuf, as the .NET exporter sends it): POST /v1/traces, /v1/logs, /v1/metrics.
/// Every request needs this run's API key; a valid one is answered 200 with an empty Export*ServiceResponse (or one
/// that counts the items it rejected), a malformed body 400.</summary>
internal static class OtlpReceiver
{
    public static WebApplication Build(TelemetryEndpoints endpoints, TelemetryLimits limits, TelemetryStore store)
    {
        var builder = LoopbackWebApp.CreateBuilder(endpoints.OtlpPort, limits.MaxRequestBytes);
        builder.Services.AddSingleton(store);
        var app = builder.Build();
        app.Use(async (context, next) =>
        {
            if (TelemetryEndpoints.Matches(context.Request.Headers[TelemetryEndpoints.ApiKeyHeader].FirstOrDefault(), endpoints.OtlpApiKey))
                await next(context);
            else
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        });

        app.MapPost("/v1/traces", (HttpRequest request, CancellationToken ct) =>
            ExportAsync(request, limits, ExportTraceServiceRequest.Parser, ct, r =>
            {
                var (spans, rejected) = SpanMapper.Map(r);
                store.AddSpans(spans);
                return new ExportTraceServiceResponse { PartialSuccess = Partial(rejected, new ExportTracePartialSuccess { RejectedSpans = rejected }) };
            }));
        app.MapPost("/v1/logs", (HttpRequest request, CancellationToken ct) =>
            ExportAsync(request, limits, ExportLogsServiceRequest.Parser, ct, r =>
            {
                var (logs, rejected) = LogMapper.Map(r);
                store.AddLogs(logs);
                return new ExportLogsServiceResponse { PartialSuccess = Partial(rejected, new ExportLogsPartialSuccess { RejectedLogRecords = rejected }) };
            }));
        app.MapPost("/v1/metrics", (HttpRequest request, CancellationToken ct) =>
            ExportAsync(request, limits, ExportMetricsServiceRequest.Parser, ct, r =>
            {
                var (points, rejected) = MetricMapper.Map(r);
                store.AddMetricPoints(points);
                return new ExportMetricsServiceResponse { PartialSuccess = Partial(rejected, new ExportMetricsPartialSuccess { RejectedDataPoints = rejected }) };
            }));
        return app;
    }

    private static async Task<IResult> ExportAsync<TRequest>(HttpRequest request, TelemetryLimits limits, MessageParser<TRequest> parser,
        CancellationToken ct, Func<TRequest, IMessage> store) where TRequest : IMessage<TRequest>
    {
        var (body, failure) = await OtlpBodyReader.ReadAsync(request, limits.MaxRequestBytes, ct);
        if (failure is not null) return failure;
        TRequest message;
        try
        {
            message = parser.ParseFrom(body);
        }
        catch (InvalidProtocolBufferException ex)
        {
            return TypedResults.Problem($"The body is not a valid {typeof(TRequest).Name}: {ex.Message}", statusCode: StatusCodes.Status400BadRequest);
        }
        return TypedResults.Bytes(store(message).ToByteArray(), OtlpBodyReader.Protobuf);
    }

    /// <summary>OTLP leaves partial_success unset when everything was accepted.</summary>
    private static T? Partial<T>(int rejected, T partial) where T : class => rejected == 0 ? null : partial;
}
