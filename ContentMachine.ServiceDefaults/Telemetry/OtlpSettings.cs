using OpenTelemetry.Exporter;

namespace ContentMachine.ServiceDefaults.Telemetry;

/// <summary>The standard OTEL_EXPORTER_OTLP_* settings, read from configuration (environment variables included).</summary>
public sealed record OtlpSettings(Uri Endpoint, OtlpExportProtocol Protocol, string? Headers)
{
    public static OtlpSettings? From(IConfiguration configuration)
    {
        if (configuration["OTEL_EXPORTER_OTLP_ENDPOINT"] is not { Length: > 0 } endpoint) return null;
        var protocol = configuration["OTEL_EXPORTER_OTLP_PROTOCOL"] is "grpc" ? OtlpExportProtocol.Grpc : OtlpExportProtocol.HttpProtobuf;
        return new OtlpSettings(new Uri(endpoint), protocol, configuration["OTEL_EXPORTER_OTLP_HEADERS"]);
    }

    /// <summary>Points an exporter at this endpoint. Over http/protobuf each signal has its own path (/v1/traces, ...):
    /// the exporter appends it only when it reads the environment itself, so it is appended here.</summary>
    public void Apply(OtlpExporterOptions options, string signal)
    {
        options.Protocol = Protocol;
        options.Endpoint = Protocol == OtlpExportProtocol.HttpProtobuf
            ? new Uri($"{Endpoint.AbsoluteUri.TrimEnd('/')}/v1/{signal}")
            : Endpoint;
        if (Headers is { Length: > 0 }) options.Headers = Headers;
    }
}
