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

    /// <summary>espeak's nominal rate. Its "words" are longer than a script's (short words, numbers): measured, 160 wpm
    /// spoke the template scripts at 2.8-2.95 words per second, so 145 brings them near the writers' 2.5 and the video
    /// near the duration the user asked for.</summary>
    [Range(80, 450)]
    public int SpeechRateWpm { get; set; } = 145;

    /// <summary>Silence between two scenes' narration.</summary>
    [Range(0, 3000)]
    public int SceneGapMs { get; set; } = 250;

    /// <summary>How long a cancelled ffmpeg may take to exit after it is killed before the runner stops waiting.</summary>
    [Range(100, 30_000)]
    public int KillTimeoutMs { get; set; } = 1000;
}
