using ContentMachine.ServiceDefaults.Configuration;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace ContentMachine.ServiceDefaults.Telemetry;

public static class TelemetryExtensions
{
    /// <summary>Traces, metrics and logs over OTLP when OTEL_EXPORTER_OTLP_ENDPOINT is set. Without
    /// OpenTelemetry.Extensions.Hosting the providers are built from DI here and tied to the host's lifetime by
    /// <see cref="TelemetryLifetime"/>. Extra <see cref="BaseProcessor{Activity}"/> or <see cref="MetricReader"/>
    /// registrations in DI are attached too (tests use that for in-memory exporters).</summary>
    public static IHostApplicationBuilder ConfigureOpenTelemetry(this IHostApplicationBuilder builder)
    {
        var identity = ServiceIdentity.From(builder.Configuration, builder.Environment);
        var otlp = OtlpSettings.From(builder.Configuration);
        var exportInterval = builder.Configuration.GetValue("OTEL_METRIC_EXPORT_INTERVAL", 5000);

        builder.Services.AddSingleton(identity);
        builder.Services.AddSingleton<ServiceTelemetry>();

        builder.Logging.Configure(o => o.ActivityTrackingOptions =
            ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId | ActivityTrackingOptions.ParentId);
        if (otlp is not null)
        {
            builder.Logging.AddOpenTelemetry(o =>
            {
                o.SetResourceBuilder(CreateResource(identity));
                o.IncludeFormattedMessage = true;
                o.IncludeScopes = true;
                o.AddOtlpExporter(e => otlp.Apply(e, "logs"));
            });
        }

        builder.Services.AddSingleton(sp =>
        {
            var tracing = Sdk.CreateTracerProviderBuilder()
                .SetResourceBuilder(CreateResource(identity))
                .AddSource(TelemetrySources.ActivitySources)
                .AddProcessor(new NoiseFilter());
            foreach (var processor in sp.GetServices<BaseProcessor<Activity>>()) tracing.AddProcessor(processor);
            if (otlp is not null) tracing.AddOtlpExporter(e => otlp.Apply(e, "traces"));
            return tracing.Build()!;
        });
        builder.Services.AddSingleton(sp =>
        {
            var metrics = Sdk.CreateMeterProviderBuilder()
                .SetResourceBuilder(CreateResource(identity))
                .AddMeter(TelemetrySources.Meters);
            foreach (var reader in sp.GetServices<MetricReader>()) metrics.AddReader(reader);
            if (otlp is not null)
                metrics.AddOtlpExporter((e, reader) =>
                {
                    otlp.Apply(e, "metrics");
                    reader.PeriodicExportingMetricReaderOptions.ExportIntervalMilliseconds = exportInterval;
                });
            return metrics.Build()!;
        });
        builder.Services.AddHostedService<TelemetryLifetime>();
        builder.Services.AddTransient<Microsoft.AspNetCore.Hosting.IStartupFilter, HttpServerSpanStartupFilter>();
        return builder;
    }

    private static ResourceBuilder CreateResource(ServiceIdentity identity) =>
        ResourceBuilder.CreateEmpty()
            .AddService(identity.Name, serviceNamespace: "contentmachine", serviceInstanceId: identity.InstanceId)
            .AddTelemetrySdk();
}
