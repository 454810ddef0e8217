namespace ContentMachine.ServiceDefaults.Telemetry;

/// <summary>Marks not-recorded, before any exporter sees them, the spans that would drown real traffic in the trace list:
/// health and liveness probes (the AppHost's and the gateway's, served or sent several times a second) and database
/// commands with no parent (background workers polling their tables). Database work done for a request, a message or a
/// pipeline stage has a parent and is kept.</summary>
internal sealed class NoiseFilter : OpenTelemetry.BaseProcessor<Activity>
{
    public override void OnEnd(Activity activity)
    {
        if (IsNoise(activity)) activity.ActivityTraceFlags &= ~ActivityTraceFlags.Recorded;
    }

    internal static bool IsNoise(Activity activity) => activity switch
    {
        { Kind: ActivityKind.Server } => IsProbe(activity.GetTagItem("url.path") as string),
        { Kind: ActivityKind.Client, Source.Name: "System.Net.Http" } =>
            Uri.TryCreate(activity.GetTagItem("url.full") as string, UriKind.Absolute, out var url) && IsProbe(url.AbsolutePath),
        { Source.Name: "Npgsql" } => activity.ParentSpanId == default,
        _ => false,
    };

    internal static bool IsProbe(string? path) =>
        path is not null && (path.Equals("/health", StringComparison.OrdinalIgnoreCase) || path.Equals("/alive", StringComparison.OrdinalIgnoreCase));
}
