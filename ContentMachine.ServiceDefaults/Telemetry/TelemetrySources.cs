namespace ContentMachine.ServiceDefaults.Telemetry;

/// <summary>What is listened to. No OpenTelemetry.Instrumentation.* packages exist here: the framework's and the
/// libraries' own ActivitySources and Meters carry the data.</summary>
public static class TelemetrySources
{
    public static readonly string[] ActivitySources =
        ["Microsoft.AspNetCore", "System.Net.Http", "MassTransit", "Npgsql", ServiceTelemetry.SourcePrefix + "*"];

    public static readonly string[] Meters =
    [
        "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel", "Microsoft.AspNetCore.Routing",
        "Microsoft.AspNetCore.Diagnostics", "Microsoft.AspNetCore.RateLimiting", "System.Net.Http",
        "System.Net.NameResolution", "System.Runtime", "MassTransit", "Npgsql", ServiceTelemetry.SourcePrefix + "*",
    ];
}
