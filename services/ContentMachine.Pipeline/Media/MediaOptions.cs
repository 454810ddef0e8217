using System.ComponentModel.DataAnnotations;

namespace ContentMachine.Pipeline.Media;

/// <summary>Configuration section "Pipeline:Media": the tools and the narration's pace.</summary>
public sealed class MediaOptions
{
    public const string Section = "Pipeline:Media";

    [Required]
    public string FfmpegPath { get; set; } = "ffmpeg";

    [Required]
    public string FfprobePath { get; set; } = "ffprobe";

    /// <summary>espeak's nominal words per minute. With pauses the spoken rate is about 94 % of it, so 160 speaks the
    /// script writers' 2.5 words per second and the video lasts about the duration the user asked for.</summary>
    [Range(80, 450)]
    public int SpeechRateWpm { get; set; } = 160;

    /// <summary>Silence between two scenes' narration.</summary>
    [Range(0, 3000)]
    public int SceneGapMs { get; set; } = 250;

    /// <summary>How long a cancelled ffmpeg may take to exit after it is killed before the runner stops waiting.</summary>
    [Range(100, 30_000)]
    public int KillTimeoutMs { get; set; } = 1000;
}
