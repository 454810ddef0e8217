namespace ContentMachine.ServiceDefaults.Telemetry;

/// <summary>Health and liveness probes arrive several times a second from the AppHost and the gateway; their spans
/// would drown real traffic, so they are marked not-recorded before any exporter sees them.</summary>
internal sealed class ProbeRequestFilter : OpenTelemetry.BaseProcessor<Activity>
{
    public override void OnEnd(Activity activity)
    {
        if (activity.Kind == ActivityKind.Server && IsProbe(activity.GetTagItem("url.path") as string))
            activity.ActivityTraceFlags &= ~ActivityTraceFlags.Recorded;
    }

    internal static bool IsProbe(string? path) =>
        path is not null && (path.Equals("/health", StringComparison.OrdinalIgnoreCase) || path.Equals("/alive", StringComparison.OrdinalIgnoreCase));
}
