using System.ComponentModel.DataAnnotations;

namespace ContentMachine.Publishing.Options;

/// <summary>Section <c>Publishing</c>: how publications are worked.</summary>
public sealed class PublishingOptions
{
    public const string Section = "Publishing";

    /// <summary>Publications worked at the same time by one replica.</summary>
    [Range(1, 16)] public int MaxConcurrent { get; set; } = 2;
    /// <summary>How often the runner looks for due work when nothing woke it up.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);
    /// <summary>A worker's hold on a publication, renewed at every saved progress; a dead worker's hold expires.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(5);
    /// <summary>Transient failures are retried automatically this many times, then the publication is Failed (retryable).</summary>
    [Range(1, 20)] public int MaxAutomaticTries { get; set; } = 4;
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(15);
    /// <summary>Temporary files (packages being built, videos being uploaded).</summary>
    [Required] public string WorkDirectory { get; set; } = Path.Combine(Path.GetTempPath(), "contentmachine-publishing");
    /// <summary>Platforms published with an export package instead of an API upload (youtube may be added).</summary>
    public List<string> ExportPlatforms { get; set; } = ["tiktok", "instagram"];
    /// <summary>How long a presigned package URL stays valid.</summary>
    public TimeSpan PresignExpiry { get; set; } = TimeSpan.FromHours(24);
}
