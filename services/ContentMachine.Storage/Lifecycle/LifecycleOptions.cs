using System.ComponentModel.DataAnnotations;

namespace ContentMachine.Storage.Lifecycle;

/// <summary>The <c>Storage:Lifecycle</c> section: intermediate run artifacts expire, final outputs and uploads are kept.</summary>
public sealed class LifecycleOptions
{
    public const string Section = "Storage:Lifecycle";

    /// <summary>Days an artifact under <c>projects/{id}/runs/</c> is kept after it was written.</summary>
    [Range(0.0, 3650.0)]
    public double ArtifactRetentionDays { get; set; } = 7;

    /// <summary>How often expired objects are looked for.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "1.00:00:00")]
    public TimeSpan Interval { get; set; } = TimeSpan.FromHours(1);

    [Range(1, 1000)]
    public int BatchSize { get; set; } = 500;

    public TimeSpan ArtifactRetention => TimeSpan.FromDays(ArtifactRetentionDays);
}
