using System.Diagnostics;

namespace ContentMachine.Pipeline.Media;

/// <summary>Spans of the media work (ffmpeg runs, probes). The name falls under the "ContentMachine.*" sources the
/// service defaults already listen to, so no registration is needed.</summary>
public static class MediaTelemetry
{
    public static readonly ActivitySource Source = new("ContentMachine.Pipeline.Media");
}
