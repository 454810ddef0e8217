using System.ComponentModel.DataAnnotations;

namespace ContentMachine.Pipeline.Runs;

/// <summary>The <c>Pipeline</c> section: how many runs a replica works on and how it treats failures.</summary>
public sealed class PipelineOptions
{
    public const string Section = "Pipeline";

    /// <summary>Runs one replica renders at once (ffmpeg uses every core: on 2 cores, one).</summary>
    [Range(1, 64)]
    public int MaxConcurrentRuns { get; set; } = 1;

    /// <summary>Where each run gets its temporary folder (removed when the run stops, however it stops).</summary>
    public string WorkDirectory { get; set; } = Path.Combine(Path.GetTempPath(), "contentmachine-pipeline");

    /// <summary>Tries of a stage that fails transiently, within one attempt of the run.</summary>
    [Range(1, 10)]
    public int StageMaxTries { get; set; } = 3;

    public TimeSpan StageRetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How often a working replica looks whether its run was cancelled (cancellation stops ffmpeg within this).</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:00:05")]
    public TimeSpan CancellationPollInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Similarity (cosine) from which Search calls a script a near-duplicate.</summary>
    [Range(0.0, 1.0)]
    public double DuplicateThreshold { get; set; } = 0.9;

    public string Preset { get; set; } = "veryfast";

    [Range(0, 51)]
    public int Crf { get; set; } = 23;
}
