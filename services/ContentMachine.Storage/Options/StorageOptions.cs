using System.ComponentModel.DataAnnotations;

namespace ContentMachine.Storage.Options;

/// <summary>The <c>Storage</c> section: how objects are streamed and how large they may be.</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";
    private const long MiB = 1024 * 1024;

    /// <summary>Objects larger than this (or of unknown length) go up as a multipart upload.</summary>
    [Range(5 * MiB, long.MaxValue)]
    public long MultipartThresholdBytes { get; set; } = 64 * MiB;

    /// <summary>One multipart part; two are held in memory per upload (one filling, one sending). S3's minimum is 5 MiB.</summary>
    [Range(5 * MiB, 512 * MiB)]
    public int PartSizeBytes { get; set; } = (int)(16 * MiB);

    [Range(1, long.MaxValue)]
    public long MaxObjectBytes { get; set; } = 5L * 1024 * MiB;

    /// <summary>The user's own media (POST /api/storage/uploads).</summary>
    [Range(1, long.MaxValue)]
    public long MaxUploadBytes { get; set; } = 2L * 1024 * MiB;

    /// <summary>The longest a presigned URL may live; S3 itself refuses more than 7 days.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "7.00:00:00")]
    public TimeSpan PresignMaxExpiry { get; set; } = TimeSpan.FromDays(7);

    public TimeSpan PresignDefaultExpiry { get; set; } = TimeSpan.FromHours(1);
}
