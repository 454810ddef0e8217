using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace ContentMachine.AppHost.Telemetry.Tests;

/// <summary>The OpenTelemetry .NET SDK configured as the services configure it (OTLP over http/protobuf with the
/// API key header), pointed at a test's receiver.</summary>
public static class RealExporter
{
    public const string Service = "roundtrip";
    public const string Instance = "roundtrip-0";

    public static TracerProvider Tracing(TelemetryEndpoints endpoints, string source) =>
        Sdk.CreateTracerProviderBuilder().SetResourceBuilder(Resource()).AddSource(source)
            .AddOtlpExporter(o =>
            {
                Apply(o, endpoints, "traces");
                o.ExportProcessorType = ExportProcessorType.Simple;
            })
            .Build()!;

    public static MeterProvider Metrics(TelemetryEndpoints endpoints, string meter) =>
        Sdk.CreateMeterProviderBuilder().SetResourceBuilder(Resource()).AddMeter(meter)
            .AddOtlpExporter((o, reader) =>
            {
                Apply(o, endpoints, "metrics");
                reader.PeriodicExportingMetricReaderOptions.ExportIntervalMilliseconds = 60_000;
            })
            .Build()!;

    public static ILoggerFactory Logging(TelemetryEndpoints endpoints) =>
        LoggerFactory.Create(logging => logging.AddOpenTelemetry(o =>
        {
            o.SetResourceBuilder(Resource());
            o.IncludeFormattedMessage = true;
            o.AddOtlpExporter(e =>
            {
                Apply(e, endpoints, "logs");
                e.ExportProcessorType = ExportProcessorType.Simple;
            });
        }));

    /// <summary>Waits until everything recorded so far was exported (and answered).</summary>
    public static bool Flush(TracerProvider provider) => provider.ForceFlush(10_000);

    public static bool Flush(MeterProvider provider) => provider.ForceFlush(10_000);

    private static ResourceBuilder Resource() => ResourceBuilder.CreateEmpty().AddService(Service, serviceInstanceId: Instance);

    private static void Apply(OtlpExporterOptions options, TelemetryEndpoints endpoints, string signal)
    {
        options.Protocol = OtlpExportProtocol.HttpProtobuf;
        options.Endpoint = new Uri(endpoints.OtlpEndpoint, $"/v1/{signal}");
        options.Headers = endpoints.OtlpHeaders;
    }
}
