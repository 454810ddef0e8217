using System.ComponentModel.DataAnnotations;
using ContentMachine.Publishing.YouTube;

namespace ContentMachine.Publishing.Options;

/// <summary>Section <c>Publishing:YouTube</c>. Secrets (client secret, refresh token) come from configuration or the
/// environment and are never logged.</summary>
public sealed class YouTubeOptions : IValidatableObject
{
    public const string Section = "Publishing:YouTube";
    public const string UploadScope = "https://www.googleapis.com/auth/youtube.upload";

    public string? ClientId { get; set; }
    public string? ClientSecret { get; set; }
    /// <summary>A refresh token for the channel (used when none was connected through the API).</summary>
    public string? RefreshToken { get; set; }
    /// <summary>When no channel is connected: fail with a retryable "YouTube is not connected" (default), or export a package.</summary>
    public bool ExportWhenNotConnected { get; set; }
    [Required] public string UploadBaseUri { get; set; } = YouTubeUploadService.DefaultBaseUri;
    [Required] public string TokenUri { get; set; } = "https://oauth2.googleapis.com/token";
    [Required] public string AuthorizationUri { get; set; } = "https://accounts.google.com/o/oauth2/v2/auth";
    /// <summary>The OAuth callback; default: this service's /api/publishing/youtube/callback as the request reached it.</summary>
    public string? RedirectUri { get; set; }
    [Required] public string ApplicationName { get; set; } = "ContentMachine";
    /// <summary>Bytes per PUT: a multiple of 256 KiB (8 MiB by default).</summary>
    public int ChunkSizeBytes { get; set; } = 8 * 1024 * 1024;
    /// <summary>Tries per request inside the client library (5xx, dropped connections and 401 share it).</summary>
    [Range(1, 10)] public int RequestTries { get; set; } = 4;
    /// <summary>Resumes of the same session within one attempt, with exponential backoff between them.</summary>
    [Range(0, 20)] public int ResumeTries { get; set; } = 5;
    public TimeSpan ResumeBaseDelay { get; set; } = TimeSpan.FromSeconds(1);
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromMinutes(2);
    [Required] public string CategoryId { get; set; } = "22";
    [RegularExpression("^(public|unlisted|private)$")] public string PrivacyStatus { get; set; } = "public";
    public bool MadeForKids { get; set; }
    /// <summary>A scheduled video is uploaded this long before its publishAt (private, with status.publishAt) so it is
    /// processed in time; YouTube makes it public at publishAt.</summary>
    public TimeSpan ScheduledUploadLead { get; set; } = TimeSpan.FromHours(1);
    public YouTubeQuotaOptions Quota { get; set; } = new();

    public bool HasClient => !string.IsNullOrWhiteSpace(ClientId) && !string.IsNullOrWhiteSpace(ClientSecret);

    public IEnumerable<ValidationResult> Validate(ValidationContext context)
    {
        if (ChunkSizeBytes < Google.Apis.Upload.ResumableUpload.MinimumChunkSize || ChunkSizeBytes % Google.Apis.Upload.ResumableUpload.MinimumChunkSize != 0)
            yield return new ValidationResult("ChunkSizeBytes must be a positive multiple of 262144 (256 KiB).", [nameof(ChunkSizeBytes)]);
        if (!UploadBaseUri.EndsWith('/') || !Uri.TryCreate(UploadBaseUri, UriKind.Absolute, out _))
            yield return new ValidationResult("UploadBaseUri must be an absolute URI ending with '/'.", [nameof(UploadBaseUri)]);
        if (!string.IsNullOrWhiteSpace(RefreshToken) && !HasClient)
            yield return new ValidationResult("A RefreshToken needs ClientId and ClientSecret.", [nameof(RefreshToken)]);
        foreach (var result in Quota.Validate(context)) yield return result;
    }
}

/// <summary>The daily YouTube Data API quota as the project's Google Cloud project has it.</summary>
public sealed class YouTubeQuotaOptions
{
    public int UploadsPerDay { get; set; } = 6;
    public int UnitsPerDay { get; set; } = 10_000;
    /// <summary>What one videos.insert costs.</summary>
    public int UploadCostUnits { get; set; } = 1600;
    /// <summary>The quota resets at midnight in this time zone (Pacific time for Google).</summary>
    public string WindowTimeZone { get; set; } = "America/Los_Angeles";

    public IEnumerable<ValidationResult> Validate(ValidationContext context)
    {
        if (UploadsPerDay < 1) yield return new ValidationResult("Quota:UploadsPerDay must be at least 1.", [nameof(UploadsPerDay)]);
        if (UnitsPerDay < UploadCostUnits) yield return new ValidationResult("Quota:UnitsPerDay must allow one upload.", [nameof(UnitsPerDay)]);
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(WindowTimeZone, out _))
            yield return new ValidationResult($"Quota:WindowTimeZone '{WindowTimeZone}' is not a known time zone.", [nameof(WindowTimeZone)]);
    }
}
